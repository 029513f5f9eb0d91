#!/usr/bin/env bash
# Installs what the tests need, builds once, runs every test project, and ends with one line:
#   N passed, N failed[, N skipped]
# It exits non-zero when any test fails or a test project cannot run.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

scripts/install-deps.sh bind9-utils knot-dnsutils knot-dnssecutils dnsutils knot bind9 nsd postgresql publicsuffix curl jq python3-prometheus-client chromium pebble certbot python3-certbot-dns-rfc2136 python3-venv python3-pip python3-setuptools python3-wheel mypy nodejs util-linux || { echo "test.sh: could not install test dependencies" >&2; }
scripts/install-geo-db.sh || echo "test.sh: could not install the default GeoDNS database" >&2
scripts/install-redocly.sh || echo "test.sh: could not install Redocly's CLI" >&2
scripts/check-test-tools.sh || { echo "0 passed, 1 failed"; exit 1; }

if ! dotnet build Meridian.sln -c Release -nologo -v quiet; then
  echo "test.sh: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

results="$root/.test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TestSessionTimeout=1800000 || status=1
done

# The SDKs' own suites (sdk/*/test.sh, docs/sdks.md), each against the live fixture sdk/fixture/start.sh; each writes
# its counts to $results/sdk-NAME.counts as "passed=N failed=N skipped=N".
export MERIDIAN_SDK_RESULTS="$results" MERIDIAN_SDK_FIXTURE="$root/sdk/fixture/start.sh"
for suite in sdk/*/test.sh; do
  [ -f "$suite" ] || continue
  name=$(basename "$(dirname "$suite")")
  echo "== sdk/$name"
  "$suite" || status=1
  if [ ! -f "$results/sdk-$name.counts" ]; then
    echo "test.sh: sdk/$name reported no results" >&2
    echo "passed=0 failed=1 skipped=0" > "$results/sdk-$name.counts"; status=1
  fi
done

passed=0; failed=0; skipped=0
for counts in "$results"/sdk-*.counts; do
  [ -f "$counts" ] || continue
  count() { grep -o "$1=[0-9]*" "$counts" | head -1 | cut -d= -f2; }
  p=$(count passed); f=$(count failed); k=$(count skipped)
  [ -z "$p$f" ] && { echo "test.sh: $counts is not \"passed=N failed=N skipped=N\"" >&2; f=1; status=1; }
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${k:-0}))
done
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get total); x=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
trx_count=$(ls "$results"/*.trx 2>/dev/null | wc -l)
project_count=$(ls tests/*/*.csproj | wc -l)
if [ "$trx_count" -lt "$project_count" ]; then
  echo "test.sh: only $trx_count of $project_count test projects reported results" >&2
  status=1; [ $failed -eq 0 ] && failed=1
fi
[ $failed -gt 0 ] && status=1
# Only what is genuinely optional may skip (the shared corpus beside the checkout): each skip, with its reason.
[ $skipped -gt 0 ] && python3 scripts/list-skipped-tests.py "$results"/*.trx
if [ $skipped -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"
else echo "$passed passed, $failed failed"; fi
exit $status
