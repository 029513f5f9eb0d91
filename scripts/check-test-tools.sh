#!/usr/bin/env bash
# Checks that every tool the test suite needs is here, after test.sh's installs. A missing one fails the run
# with its name and the package or script that provides it: the tests that need it would otherwise fail one by
# one (or, before, skip where nobody looked).
set -uo pipefail
cd "$(dirname "$0")/.."
missing=()
need() { # $1 = program, $2 = where it comes from
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ] || missing+=("$1 (Debian package $2)")
}
need named-checkzone bind9-utils
need named-compilezone bind9-utils
need dig dnsutils
need nsupdate dnsutils
need knotc knot
need knotd knot
need kdig knot-dnsutils
need kzonecheck knot-dnssecutils
need named bind9
need nsd nsd
need curl curl
need jq jq
need prlimit util-linux
need chromium chromium
need pebble pebble
need certbot certbot
/usr/bin/python3 -c 'import certbot_dns_rfc2136' 2>/dev/null || missing+=("certbot's RFC 2136 plugin (Debian package python3-certbot-dns-rfc2136)")
/usr/bin/python3 -c 'import prometheus_client.parser' 2>/dev/null || missing+=("python3's prometheus_client (Debian package python3-prometheus-client)")
if [ -z "${MERIDIAN_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=("PostgreSQL's initdb (Debian package postgresql, or set MERIDIAN_TEST_POSTGRES)")
fi
[ -f data/geo/geo-whois-asn-country.mmdb ] || missing+=("data/geo/geo-whois-asn-country.mmdb (scripts/install-geo-db.sh)")
[ -x tools/node_modules/.bin/redocly ] || missing+=("redocly (scripts/install-redocly.sh)")
if [ ${#missing[@]} -gt 0 ]; then
  for tool in "${missing[@]}"; do echo "test.sh: the tests need $tool, which is missing and could not be installed" >&2; done
  exit 1
fi
