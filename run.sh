#!/usr/bin/env bash
# Builds Meridian and runs it. With no arguments it starts the server on embedded defaults;
# any arguments are passed to the `meridian` command line (e.g. ./run.sh zone check FILE --origin NAME).
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
dotnet build src/Meridian.Server -c Release -v quiet -nologo >&2
exec artifacts/bin/Meridian.Server/release/meridian "$@"
