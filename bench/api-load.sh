#!/usr/bin/env bash
# Loads the HTTP API of a running `meridian serve` and prints the figures the management-plane issue
# asks for, on SQLite and (with --postgres) PostgreSQL:
#   - record reads/s (wrk, 16 connections, GET a domain's 10 records),
#   - record creates/s from one keep-alive client (after a 2 s warm-up of the same creates), and from 8
#     concurrent writers (with failures counted),
#   - visibility: for N writes, whether the first dig right after the 2xx already sees the record,
#   - a 100,000-record BIND import through the API: the first one after start (import code not yet
#     compiled by the JIT) and a second one into another zone;
#   - the Partner API (/api/v1): record reads/s and creates/s with one and with eight clients, and the server
#     CPU per request of the authentication + rate-limit path (an authenticated GET of a domain, against
#     an unauthenticated GET /healthz). The rate limits are raised for the run (they would stop it at once).
# With --pdns it then runs bench/pdns-api-load.sh (PowerDNS 4.7 + gsqlite3 through its HTTP API, same
# pinning, same loads) and prints Meridian-on-SQLite / PowerDNS ratios from this one run.
# The anchor (../shared/reference/performance-notes.md, PowerDNS 4.7 + gsqlite3 on this machine):
# ~1,500 reads/s, 50 creates/s (700 without rectify), 8 writers: all but one fail, import 100k in 3.5 s.
# The per-request cost of API key authentication and the Partner API's rate limits, without HTTP, is a
# BenchmarkDotNet benchmark: dotnet run -c Release --project bench/Meridian.Benchmarks -- --filter '*CallerPath*'
# Usage: bench/api-load.sh [--seconds 10] [--postgres] [--skip-import] [--pdns]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=10; postgres=0; skip_import=0; pdns=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2;;
    --postgres) postgres=1; shift;;
    --skip-import) skip_import=1; shift;;
    --pdns) pdns=1; shift;;
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
# CPU time (user + system, in 1/100 s) the server has used so far: on a shared machine the figure that
# load from other work does not bend as much as a rate.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run_storage() { # $1 = label, rest = extra serve flags
  local label=$1; shift
  local http=127.0.0.1:$((18100 + RANDOM % 500)) dns=127.0.0.1:$((15500 + RANDOM % 500))
  local data="$work/$label"; mkdir -p "$data"
  (cd "$data" && MERIDIAN__RateLimits__PerHour=100000000 MERIDIAN__RateLimits__PerMinute=100000000 exec taskset -c 1 "$meridian" serve --data "$data" --http "$http" --dns "$dns" "$@" >"$data/serve.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 150); do curl -sf "http://$http/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  local token; token=$("$meridian" accounts create --kind client --name "bench-$label" --email b@bench.test --data "$data" "$@" 2>/dev/null | tail -1)
  local auth="Authorization: Bearer $token"
  local domain; domain=$(curl -s -H "$auth" -d '{"name":"bench-'"$label"'.example"}' "http://$http/api/client/domains" | json '["id"]')
  for i in $(seq 1 10); do
    curl -s -o /dev/null -H "$auth" -d "{\"domain_id\":\"$domain\",\"name\":\"r$i\",\"type\":\"A\",\"value\":\"192.0.2.$i\"}" "http://$http/api/client/records"
  done

  echo "== $label"
  # The server has just started: 8 s of the same reads first, so the figure is the JIT-compiled steady state. (2 s
  # was enough before requests went through authentication and authorization middleware; with it, the JIT was
  # still a quarter of the server's CPU after 2 s and the first figure came out twice the steady one.)
  taskset -c 0 wrk -t2 -c16 -d8s -H "$auth" "http://$http/api/client/domains/$domain/records" >/dev/null
  local ticks; ticks=$(cpu_ticks "$server_pid")
  local read_run; read_run=$(taskset -c 0 wrk -t2 -c16 -d"${seconds}s" -H "$auth" "http://$http/api/client/domains/$domain/records")
  local reads; reads=$(echo "$read_run" | awk '/Requests\/sec/ {print $2}')
  local read_cpu; read_cpu=$(( ($(cpu_ticks "$server_pid") - ticks) * 10000 / $(echo "$read_run" | awk '/requests in/ {print $1}') ))
  printf "  record reads/s (wrk, 16 connections):        %10.0f  (server CPU %s µs per read)\n" "$reads" "$read_cpu"

  cat > "$work/create.lua" <<LUA
-- Each wrk thread has its own Lua state: number the threads so no two requests name the same record, and
-- name each run (RUN in the environment) so a run never repeats a name of the one before it.
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"domain_id":"$domain","name":"w%s-%d-%d","type":"A","value":"198.51.100.7"}', os.getenv("RUN") or "", tid, counter)
  return wrk.format("POST", "/api/client/records", {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
LUA
  # As for the reads: 2 s of the same creates first, so the figure is of JIT-compiled code (on one core the
  # runtime compiles in the background on the core the requests use) and not of the first seconds after start.
  RUN=warm taskset -c 0 wrk -t1 -c1 -d2s -s "$work/create.lua" "http://$http" >/dev/null
  local one; one=$(RUN=one taskset -c 0 wrk -t1 -c1 -d"${seconds}s" -s "$work/create.lua" "http://$http")
  local one_rate; one_rate=$(echo "$one" | awk '/Requests\/sec/ {print $2}')
  printf "  record creates/s, one keep-alive client:     %10.0f  (non-2xx: %s)\n" "$one_rate" "$(echo "$one" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"
  local eight; eight=$(RUN=eight taskset -c 0 wrk -t2 -c8 -d"${seconds}s" -s "$work/create.lua" "http://$http")
  local eight_rate eight_failed eight_total
  eight_rate=$(echo "$eight" | awk '/Requests\/sec/ {print $2}')
  eight_failed=$(echo "$eight" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)
  eight_total=$(echo "$eight" | awk '/requests in/ {print $1}')
  printf "  record creates/s, 8 concurrent writers:      %10.0f  (non-2xx: %s of %s, socket errors: %s)\n" "$eight_rate" \
    "$eight_failed" "$eight_total" "$(echo "$eight" | awk '/Socket errors/ {print $0}' | grep . || echo none)"

  local visible=0 trials=200
  for i in $(seq 1 $trials); do
    curl -s -o /dev/null -H "$auth" -d "{\"domain_id\":\"$domain\",\"name\":\"v$i\",\"type\":\"A\",\"value\":\"203.0.113.9\"}" "http://$http/api/client/records"
    dig @"${dns%:*}" -p "${dns#*:}" +short +time=1 +tries=1 "v$i.bench-$label.example." A | grep -q 203.0.113.9 && visible=$((visible + 1))
  done
  echo "  writes seen by the first dig right after the 2xx: $visible / $trials"

  local first_import="" second_import=""
  if [ "$skip_import" = 0 ]; then
    for round in first second; do
      awk -v zone="import-$round-$label" 'BEGIN { printf "$ORIGIN %s.example.\n$TTL 3600\n", zone
        for (i = 0; i < 100000; i++) printf "host%d A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' > "$work/import.zone"
      local start end status took import_ticks
      import_ticks=$(cpu_ticks "$server_pid")
      start=$(date +%s.%N)
      status=$(curl -s -o "$work/import.json" -w '%{http_code}' -H "$auth" -H 'Content-Type: text/plain' --data-binary @"$work/import.zone" "http://$http/api/client/import/bind")
      end=$(date +%s.%N)
      took=$(echo "$end - $start" | bc)
      import_ticks=$(( $(cpu_ticks "$server_pid") - import_ticks ))
      if [ "$round" = first ]; then first_import=$took; else second_import=$took; fi
      printf "  import of 100,000 records through the API:   %10.2f s  (%s since start; server CPU %s.%02d s; HTTP %s, %s records created, %s MB answer)\n" \
        "$took" "$round" $((import_ticks / 100)) $((import_ticks % 100)) "$status" "$(json '["records_created"]' < "$work/import.json")" "$(( $(stat -c %s "$work/import.json") / 1000000 ))"
    done
  fi
  run_partner "$label" "$http" "$data" "$@"
  printf "reads=%s read_cpu=%s one=%s eight=%s eight_failed=%s eight_total=%s visible=%s import=%s import_second=%s partner_reads_1=%s partner_reads_8=%s partner_creates_1=%s partner_creates_8=%s partner_auth_cost=%s\n" \
    "$reads" "$read_cpu" "$one_rate" "$eight_rate" "$eight_failed" "$eight_total" "$visible" "$first_import" "$second_import" \
    "$partner_reads_1" "$partner_reads_8" "$partner_creates_1" "$partner_creates_8" "$partner_auth_cost" > "$work/$label.results"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

# CPU per request (µs) of one wrk run: $1 = ticks before, $2 = wrk output.
cpu_per_request() { echo $(( ($(cpu_ticks "$server_pid") - $1) * 10000 / $(echo "$2" | awk '/requests in/ {print $1}') )); }

run_partner() { # $1 = label, $2 = http address, $3 = data directory, rest = storage flags
  local label=$1 http=$2 data=$3; shift 3
  local token; token=$("$meridian" accounts create --kind partner --name "bench-partner-$label" --email p@bench.test --data "$data" "$@" 2>/dev/null | tail -1)
  local auth="Authorization: Bearer $token"
  curl -s -o /dev/null -H "$auth" -H 'Content-Type: application/json' -d '{"user_identifier":"bench-user"}' "http://$http/api/v1/users"
  local domain; domain=$(curl -s -H "$auth" -H 'Content-Type: application/json' -d '{"name":"partner-'"$label"'.example"}' \
    "http://$http/api/v1/users/bench-user/domains" | json '["id"]')
  for i in $(seq 1 10); do
    curl -s -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
      -d "{\"domain_id\":\"$domain\",\"name\":\"r$i\",\"type\":\"A\",\"value\":\"192.0.2.$i\"}" "http://$http/api/v1/dns_records"
  done
  echo "== $label, Partner API"
  local list="http://$http/api/v1/domains/$domain/dns_records" run ticks rate
  taskset -c 0 wrk -t2 -c8 -d8s -H "$auth" "$list" >/dev/null
  for clients in 1 8; do
    ticks=$(cpu_ticks "$server_pid")
    run=$(taskset -c 0 wrk -t$(( clients > 1 ? 2 : 1 )) -c$clients -d"${seconds}s" -H "$auth" "$list")
    rate=$(echo "$run" | awk '/Requests\/sec/ {print $2}')
    printf "  record reads/s, %d client(s):                 %10.0f  (server CPU %s µs per read)\n" "$clients" "$rate" "$(cpu_per_request "$ticks" "$run")"
    eval "partner_reads_$clients=$rate"
  done
  cat > "$work/partner-create.lua" <<LUA
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"domain_id":"$domain","name":"p%s-%d-%d","type":"A","value":"198.51.100.8"}', os.getenv("RUN") or "", tid, counter)
  return wrk.format("POST", "/api/v1/dns_records", {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
LUA
  RUN=warm taskset -c 0 wrk -t1 -c1 -d2s -s "$work/partner-create.lua" "http://$http" >/dev/null
  for clients in 1 8; do
    run=$(RUN="c$clients" taskset -c 0 wrk -t$(( clients > 1 ? 2 : 1 )) -c$clients -d"${seconds}s" -s "$work/partner-create.lua" "http://$http")
    rate=$(echo "$run" | awk '/Requests\/sec/ {print $2}')
    printf "  record creates/s, %d client(s):               %10.0f  (non-2xx: %s)\n" "$clients" "$rate" "$(echo "$run" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"
    eval "partner_creates_$clients=$rate"
  done
  # The authentication + rate-limit path: an authenticated one-row read against the same server's cheapest answer.
  local health domain_get
  taskset -c 0 wrk -t1 -c4 -d2s "http://$http/healthz" >/dev/null
  ticks=$(cpu_ticks "$server_pid"); run=$(taskset -c 0 wrk -t1 -c4 -d"${seconds}s" "http://$http/healthz"); health=$(cpu_per_request "$ticks" "$run")
  ticks=$(cpu_ticks "$server_pid"); run=$(taskset -c 0 wrk -t1 -c4 -d"${seconds}s" -H "$auth" "http://$http/api/v1/domains/$domain"); domain_get=$(cpu_per_request "$ticks" "$run")
  printf "  server CPU per request: GET /healthz %s µs, authenticated GET /api/v1/domains/{id} %s µs (auth + rate limit + one row: %s µs)\n" \
    "$health" "$domain_get" $(( domain_get - health ))
  partner_auth_cost=$(( domain_get - health ))
}

run_storage sqlite
[ "$pdns" = 1 ] && cp "$work/sqlite.results" "$work/meridian.results"
if [ "$postgres" = 1 ]; then
  pg_dir=$(mktemp -d /tmp/meridian-pg-bench.XXXXXX)
  conn=$(scripts/postgres-temp.sh start "$pg_dir" 2>/dev/null)
  run_storage postgres --database "$conn"
fi
if [ "$pdns" = 1 ]; then
  pdns_args=(--seconds "$seconds" --results "$work/pdns.results")
  [ "$skip_import" = 1 ] && pdns_args+=(--skip-import)
  bench/pdns-api-load.sh "${pdns_args[@]}"
  python3 - "$work/meridian.results" "$work/pdns.results" <<'PY'
import sys
def read(path):
    with open(path) as f:
        return {k: v for k, v in (pair.split("=", 1) for pair in f.read().split())}
m, p = read(sys.argv[1]), read(sys.argv[2])
def ratio(key, lower_is_better=False):
    try:
        a, b = float(m[key]), float(p[key])
    except (KeyError, ValueError):
        return "n/a"
    return f"{(b / a if lower_is_better else a / b):.1f}x"
print("== Meridian (SQLite) / PowerDNS 4.7 (gsqlite3), this run")
print(f"  record reads/s:                    {ratio('reads')}  (server CPU per read: {ratio('read_cpu', lower_is_better=True)} less)")
print(f"  record creates/s, one client:      {ratio('one')}")
print(f"  8 writers: Meridian {m['eight_failed']} failed of {m['eight_total']}, PowerDNS {p['eight_failed']} failed of {p['eight_total']}")
print(f"  100,000-record import (speed-up):  {ratio('import', lower_is_better=True)} (Meridian's first import after start)")
PY
fi
