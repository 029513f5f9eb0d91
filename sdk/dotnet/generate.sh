#!/usr/bin/env bash
# Regenerates Meridian.Client's models (src/Meridian.Client/Generated) from the OpenAPI documents a server serves.
#   sdk/dotnet/generate.sh http://127.0.0.1:8080   # a running `meridian serve`
#   sdk/dotnet/generate.sh                         # starts sdk/fixture/start.sh (needs the solution built) and uses it
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dotnet build sdk/dotnet/Meridian.Client.Generator/Meridian.Client.Generator.csproj -c Release -nologo -v quiet >&2
generator=(dotnet artifacts/bin/Meridian.Client.Generator/release/meridian-client-generator.dll --out src/Meridian.Client/Generated)

if [ $# -ge 1 ]; then
  exec "${generator[@]}" --server "$1"
fi

coproc fixture { exec "$root/sdk/fixture/start.sh"; }
read -r line <&"${fixture[0]}" || { echo "generate.sh: the fixture did not start" >&2; exit 1; }
base_url=$(printf '%s' "$line" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["baseUrl"])')
"${generator[@]}" --server "$base_url"
eval "exec ${fixture[1]}>&-"   # closing its standard input stops the fixture
wait "$fixture_PID" || true
