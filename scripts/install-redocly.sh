#!/usr/bin/env bash
# Installs Redocly's CLI, the OpenAPI linter the tests run on every served document, into tools/node_modules
# (gitignored), once: the pinned version below, from the npm registry. Prints nothing when it is already there.
# Usage: scripts/install-redocly.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=2.77.0
cli=tools/node_modules/.bin/redocly
export REDOCLY_TELEMETRY=off
if [ -x "$cli" ] && [ "$("$cli" --version 2>/dev/null)" = "$version" ]; then exit 0; fi
command -v npm >/dev/null || scripts/install-deps.sh nodejs npm
mkdir -p tools
echo "installing @redocly/cli@$version into tools/" >&2
npm install --prefix tools --no-save --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >&2
[ "$("$cli" --version 2>/dev/null)" = "$version" ] || { echo "install-redocly: $cli did not install" >&2; exit 1; }
