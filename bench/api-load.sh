#!/usr/bin/env bash
# Loads the HTTP API of a running `meridian serve` and prints the figures the management-plane issue
# asks for, on SQLite and (with --postgres) PostgreSQL:
#   - record reads/s (wrk, 16 connections, GET a domain's 10 records),
#   - record creates/s from one keep-alive client, and from 8 concurrent writers (with failures counted),
#   - visibility: for N writes, whether the first dig right after the 2xx already sees the record,
#   - a 100,000-record BIND import through the API.
# The anchor (../shared/reference/performance-notes.md, PowerDNS 4.7 + gsqlite3 on this machine):
# ~1,500 reads/s, 50 creates/s (700 without rectify), 8 writers: all but one fail, import 100k in 3.5 s.
# Usage: bench/api-load.sh [--seconds 10] [--postgres] [--skip-import]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=10; postgres=0; skip_import=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2;;
    --postgres) postgres=1; shift;;
    --skip-import) skip_import=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
scripts/install-deps.sh wrk curl bind9-dnsutils postgresql >/dev/null
dotnet build src/Meridian.Server -c Release -nologo -v quiet >/dev/null
meridian="$root/artifacts/bin/Meridian.Server/release/meridian"
work=$(mktemp -d /tmp/meridian-api-bench.XXXXXX)
server_pid=""; pg_dir=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$pg_dir" ] && scripts/postgres-temp.sh stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

run_storage() { # $1 = label, rest = extra serve flags
  local label=$1; shift
  local http=127.0.0.1:$((18100 + RANDOM % 500)) dns=127.0.0.1:$((15500 + RANDOM % 500))
  local data="$work/$label"; mkdir -p "$data"
  (cd "$data" && taskset -c 1 "$meridian" serve --data "$data" --http "$http" --dns "$dns" "$@" >"$data/serve.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 150); do curl -sf "http://$http/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  local token; token=$("$meridian" accounts create --kind client --name "bench-$label" --email b@bench.test --data "$data" "$@" 2>/dev/null | tail -1)
  local auth="Authorization: Bearer $token"
  local domain; domain=$(curl -s -H "$auth" -d '{"name":"bench-'"$label"'.example"}' "http://$http/api/client/domains" | json '["id"]')
  for i in $(seq 1 10); do
    curl -s -o /dev/null -H "$auth" -d "{\"domain_id\":\"$domain\",\"name\":\"r$i\",\"type\":\"A\",\"value\":\"192.0.2.$i\"}" "http://$http/api/client/records"
  done

  echo "== $label"
  local reads; reads=$(taskset -c 0 wrk -t2 -c16 -d"${seconds}s" -H "$auth" "http://$http/api/client/domains/$domain/records" | awk '/Requests\/sec/ {print $2}')
  printf "  record reads/s (wrk, 16 connections):        %10.0f\n" "$reads"

  cat > "$work/create.lua" <<LUA
-- Each wrk thread has its own Lua state: number the threads so no two requests name the same record.
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"domain_id":"$domain","name":"w%d-%d-%d","type":"A","value":"198.51.100.7"}', tid, counter, os.time())
  return wrk.format("POST", "/api/client/records", {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
LUA
  local one; one=$(taskset -c 0 wrk -t1 -c1 -d"${seconds}s" -s "$work/create.lua" "http://$http")
  printf "  record creates/s, one keep-alive client:     %10.0f  (non-2xx: %s)\n" "$(echo "$one" | awk '/Requests\/sec/ {print $2}')" "$(echo "$one" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"
  local eight; eight=$(taskset -c 0 wrk -t2 -c8 -d"${seconds}s" -s "$work/create.lua" "http://$http")
  printf "  record creates/s, 8 concurrent writers:      %10.0f  (non-2xx: %s, socket errors: %s)\n" "$(echo "$eight" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$eight" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)" "$(echo "$eight" | awk '/Socket errors/ {print $0}' | grep . || echo none)"

  local visible=0 trials=200
  for i in $(seq 1 $trials); do
    curl -s -o /dev/null -H "$auth" -d "{\"domain_id\":\"$domain\",\"name\":\"v$i\",\"type\":\"A\",\"value\":\"203.0.113.9\"}" "http://$http/api/client/records"
    dig @"${dns%:*}" -p "${dns#*:}" +short +time=1 +tries=1 "v$i.bench-$label.example." A | grep -q 203.0.113.9 && visible=$((visible + 1))
  done
  echo "  writes seen by the first dig right after the 2xx: $visible / $trials"

  if [ "$skip_import" = 0 ]; then
    awk -v label="$label" 'BEGIN { printf "$ORIGIN import-%s.example.\n$TTL 3600\n", label
      for (i = 0; i < 100000; i++) printf "host%d A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' > "$work/import.zone"
    local start end status
    start=$(date +%s.%N)
    status=$(curl -s -o "$work/import.json" -w '%{http_code}' -H "$auth" -H 'Content-Type: text/plain' --data-binary @"$work/import.zone" "http://$http/api/client/import/bind")
    end=$(date +%s.%N)
    printf "  import of 100,000 records through the API:   %10.2f s  (HTTP %s, %s records created)\n" "$(echo "$end - $start" | bc)" "$status" "$(json '["records_created"]' < "$work/import.json")"
  fi
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

run_storage sqlite
if [ "$postgres" = 1 ]; then
  pg_dir=$(mktemp -d /tmp/meridian-pg-bench.XXXXXX)
  conn=$(scripts/postgres-temp.sh start "$pg_dir" 2>/dev/null)
  run_storage postgres --database "$conn"
fi
