#!/usr/bin/env bash
# RFC 2136 UPDATE latency (nsupdate -y round trips) against a real `meridian serve` on a fresh data directory:
# one nsupdate session over UDP and over TCP, and one nsupdate process per update (bench/update-latency.py measures
# and prints p50/p90/p99/max). Figures in README.md, "Measured figures".
# Usage: bench/update-latency.sh [--updates 500] [--warmup 50] [--processes 100] [--postgres] [--server DIR]
#   --postgres     run on a throw-away PostgreSQL (scripts/postgres-temp.sh) instead of SQLite
#   --server DIR   a build of meridian (the folder with meridian.dll); default: this checkout's Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
server=""; updates=500; warmup=50; processes=100; postgres=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=$2; shift 2;;
    --updates) updates=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --processes) processes=$2; shift 2;;
    --postgres) postgres=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
if [ -z "$server" ]; then
  dotnet build src/Meridian.Server -c Release -nologo -v quiet >/dev/null
  server="$root/artifacts/bin/Meridian.Server/release"
fi
database=()
if [ -n "$postgres" ]; then
  pg=$(mktemp -d /tmp/meridian-update-pg.XXXXXX)
  trap 'scripts/postgres-temp.sh stop "$pg" >/dev/null 2>&1 || true' EXIT
  database=(--database "$(scripts/postgres-temp.sh start "$pg" 2>/dev/null | tail -1)")
fi
python3 bench/update-latency.py --server "$server" --updates "$updates" --warmup "$warmup" --processes "$processes" "${database[@]}"
