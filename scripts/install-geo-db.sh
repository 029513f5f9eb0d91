#!/usr/bin/env bash
# Installs the default GeoDNS database, ./data/geo/geo-whois-asn-country.mmdb, from the npm package
# @ip-location-db/geo-whois-asn-country-mmdb (CC0 licence; IPv4 and IPv6, country level).
# Does nothing when the file is already there; exits 0 with a message when npm is missing or the
# install fails, because Meridian runs without a database (every client is then "unknown").
# Usage: scripts/install-geo-db.sh [VERSION]   (default: the latest published version)
set -uo pipefail
cd "$(dirname "$0")/.."
package="@ip-location-db/geo-whois-asn-country-mmdb"
file="geo-whois-asn-country.mmdb"
target="data/geo/$file"

if [ -s "$target" ]; then
  echo "install-geo-db.sh: $target is already installed"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "install-geo-db.sh: npm is not available; GeoDNS runs without a database until $target exists"
  exit 0
fi

spec="$package${1:+@$1}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && npm install --silent --no-save --no-package-lock --no-audit --no-fund "$spec" >/dev/null 2>&1); then
  echo "install-geo-db.sh: npm could not install $spec; GeoDNS runs without a database"
  exit 0
fi
source="$work/node_modules/$package/$file"
if [ ! -s "$source" ]; then
  echo "install-geo-db.sh: $spec has no $file; GeoDNS runs without a database"
  exit 0
fi
version=$(node -p "require('$work/node_modules/$package/package.json').version" 2>/dev/null || echo unknown)
mkdir -p data/geo
# Copy under a temporary name, then rename, so a running server never sees half a file.
cp "$source" "$target.tmp" && mv -f "$target.tmp" "$target"
echo "$spec $version" > "data/geo/$file.source"
echo "install-geo-db.sh: installed $target ($package $version)"
