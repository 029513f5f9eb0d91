#!/usr/bin/env bash
# Builds Meridian and runs it. With no arguments it starts the server on embedded defaults;
# any arguments are passed to the `meridian` command line (e.g. ./run.sh zone check FILE --origin NAME).
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
scripts/install-deps.sh publicsuffix >&2 || echo "run.sh: could not install publicsuffix; meridian serve refuses to start without the Public Suffix List" >&2
scripts/install-geo-db.sh >&2 || true   # GeoDNS database into ./data/geo; the build ships it and stops, naming the script, without it
dotnet build src/Meridian.Server -c Release -v quiet -nologo >&2
exec artifacts/bin/Meridian.Server/release/meridian "$@"
