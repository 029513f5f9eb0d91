#!/usr/bin/env bash
# The Python SDK's suite (docs/sdks.md): unit tests, packaging and type checks, and the issue's scenario against the
# live fixture (sdk/fixture/start.sh; build the solution first). Writes $MERIDIAN_SDK_RESULTS/sdk-python.counts as
# "passed=N failed=N skipped=N" and exits non-zero when a test failed or the suite could not run.
set -uo pipefail
cd "$(dirname "$0")"
results="${MERIDIAN_SDK_RESULTS:-$(pwd)/.test-results}"
mkdir -p "$results"
counts="$results/sdk-python.counts"
fail() { echo "sdk/python/test.sh: $1" >&2; echo "passed=0 failed=1 skipped=0" > "$counts"; exit 1; }

# Debian's Python with venv/pip (the pip-install test), setuptools and wheel (building without PyPI), mypy (the type
# check) and dig (the DNS checks); ../../test.sh installs the same list.
../../scripts/install-deps.sh python3 python3-venv python3-pip python3-setuptools python3-wheel mypy dnsutils \
  || fail "could not install python3-venv python3-pip python3-setuptools python3-wheel mypy dnsutils"
[ -x /usr/bin/python3 ] || fail "/usr/bin/python3 is missing"
export MERIDIAN_SDK_FIXTURE="${MERIDIAN_SDK_FIXTURE:-$(cd ../.. && pwd)/sdk/fixture/start.sh}"
PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -m tests.run "$counts"
