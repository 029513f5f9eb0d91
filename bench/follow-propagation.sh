#!/usr/bin/env bash
# Propagation delay to N serving nodes (issue 17): a throw-away PostgreSQL, one API node and N edge nodes of
# `meridian serve` on it, records created one after another through the API; for each, the time from the API's
# acknowledgement until each node answers it over UDP (bench/follow-propagation.py measures and prints p50/p99).
# Usage: bench/follow-propagation.sh [--edges 2] [--writes 200] [--warmup 20] [--server DIR]
#   --server DIR   a build of meridian (the folder with meridian.dll); default: this checkout's Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
server=""; edges=2; writes=200; warmup=20
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=$2; shift 2;;
    --edges) edges=$2; shift 2;;
    --writes) writes=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
if [ -z "$server" ]; then
  dotnet build src/Meridian.Server -c Release -nologo -v quiet >/dev/null
  server="$root/artifacts/bin/Meridian.Server/release"
fi
pg=$(mktemp -d /tmp/meridian-follow-pg.XXXXXX)
trap 'scripts/postgres-temp.sh stop "$pg" >/dev/null 2>&1 || true' EXIT
database=$(scripts/postgres-temp.sh start "$pg" 2>/dev/null | tail -1)
python3 bench/follow-propagation.py --server "$server" --database "$database" --edges "$edges" --writes "$writes" --warmup "$warmup"
