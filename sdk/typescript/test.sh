#!/usr/bin/env bash
# The TypeScript SDK's suite, run by the repository's test.sh (docs/sdks.md): installs the locked packages, builds,
# runs every test against the live SDK fixture and writes $MERIDIAN_SDK_RESULTS/sdk-typescript.counts.
set -uo pipefail
cd "$(dirname "$0")"
fail() {
  echo "sdk/typescript: $1" >&2
  [ -n "${MERIDIAN_SDK_RESULTS:-}" ] && echo "passed=0 failed=1 skipped=0" > "$MERIDIAN_SDK_RESULTS/sdk-typescript.counts"
  exit 1
}
for tool in node npm dig; do
  command -v "$tool" >/dev/null || fail "$tool is required (Debian: nodejs for node and npm, dnsutils for dig)"
done
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 18 ] || fail "Node 18 or later is required, found $(node --version)"
npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed"
npm run --silent build || fail "the build failed"
node test/run.mjs
