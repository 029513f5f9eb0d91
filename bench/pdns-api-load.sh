#!/usr/bin/env bash
# The PowerDNS side of bench/api-load.sh: starts a throw-away PowerDNS Authoritative 4.7 (Debian's
# pdns-server + pdns-backend-sqlite3) with the gsqlite3 backend and its HTTP API on loopback, pinned to
# CPU 1 like Meridian, and measures the same things through its API (wrk on CPU 0):
#   - reads/s (wrk, 16 connections, GET the zone of 10 records: PowerDNS's listing of a zone's records),
#   - record creates/s (PATCH adding one RRset) from one keep-alive client and from 8 concurrent writers,
#     with failed requests counted,
#   - visibility: for N writes, whether the first dig right after the 2xx already sees the record,
#   - 100,000 records through the API (a new zone, then PATCHes of 10,000 RRsets each).
# Nothing is installed as a service: the binary runs in the foreground from a temp --config-dir and is
# stopped at the end. Usage: bench/pdns-api-load.sh [--seconds 10] [--no-rectify] [--skip-import] [--results FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=10; rectify=yes; skip_import=0; results=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2;;
    --no-rectify) rectify=no; shift;;
    --skip-import) skip_import=1; shift;;
    --results) results=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
scripts/install-deps.sh pdns-server pdns-backend-sqlite3 sqlite3 wrk curl bind9-dnsutils >/dev/null
# The Debian package may start its own service where an init system runs; this benchmark wants none.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet pdns 2>/dev/null; then systemctl disable --now pdns >/dev/null 2>&1 || true; fi
if pgrep -x pdns_server >/dev/null; then echo "another pdns_server is running; stop it first" >&2; exit 1; fi

work=$(mktemp -d /tmp/pdns-api-bench.XXXXXX)
pdns_pid=""
cleanup() {
  [ -n "$pdns_pid" ] && kill "$pdns_pid" 2>/dev/null && wait "$pdns_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
key="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
http=127.0.0.1:$((18600 + RANDOM % 400)); dns_port=$((16000 + RANDOM % 400))
sqlite3 "$work/pdns.sqlite3" < /usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql
cat > "$work/pdns.conf" <<CONF
launch=gsqlite3
gsqlite3-database=$work/pdns.sqlite3
local-address=127.0.0.1
local-port=$dns_port
socket-dir=$work
daemon=no
guardian=no
disable-syslog=yes
loglevel=3
distributor-threads=1
receiver-threads=1
webserver=yes
webserver-address=${http%:*}
webserver-port=${http#*:}
webserver-allow-from=127.0.0.0/8
webserver-loglevel=none
webserver-max-bodysize=64
api=yes
api-key=$key
default-api-rectify=$rectify
# WAL is its default; synchronous=NORMAL is what Meridian runs SQLite with (no fsync per commit in WAL).
gsqlite3-pragma-synchronous=1
CONF
taskset -c 1 /usr/sbin/pdns_server --config-dir="$work" >"$work/pdns.log" 2>&1 &
pdns_pid=$!
api="http://$http/api/v1/servers/localhost"
for _ in $(seq 1 100); do curl -sf -H "X-API-Key: $key" "$api" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf -H "X-API-Key: $key" "$api" >/dev/null || { echo "pdns_server did not start:" >&2; cat "$work/pdns.log" >&2; exit 1; }

zone=bench-pdns.example.
curl -sf -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$zone\",\"kind\":\"Native\",\"nameservers\":[\"ns1.meridian.invalid.\"]}" "$api/zones"
for i in $(seq 1 10); do
  curl -sf -o /dev/null -X PATCH -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"rrsets\":[{\"name\":\"r$i.$zone\",\"type\":\"A\",\"ttl\":3600,\"changetype\":\"REPLACE\",\"records\":[{\"content\":\"192.0.2.$i\",\"disabled\":false}]}]}" \
    "$api/zones/$zone"
done

echo "== PowerDNS $(/usr/sbin/pdns_server --version 2>&1 | grep -o 'Server [0-9.]*' | cut -d' ' -f2) (gsqlite3, rectify $rectify)"
# Same warm-up as the Meridian side (it needs none, but the runs stay alike).
taskset -c 0 wrk -t2 -c16 -d2s -H "X-API-Key: $key" "$api/zones/$zone" >/dev/null
ticks=$(cpu_ticks "$pdns_pid")
read_run=$(taskset -c 0 wrk -t2 -c16 -d"${seconds}s" -H "X-API-Key: $key" "$api/zones/$zone")
reads=$(echo "$read_run" | awk '/Requests\/sec/ {print $2}')
read_cpu=$(( ($(cpu_ticks "$pdns_pid") - ticks) * 10000 / $(echo "$read_run" | awk '/requests in/ {print $1}') ))
printf "  record reads/s (wrk, 16 connections):        %10.0f  (server CPU %s µs per read)\n" "$reads" "$read_cpu"

cat > "$work/patch.lua" <<LUA
-- Each wrk thread has its own Lua state: number the threads so no two requests name the same RRset.
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"rrsets":[{"name":"w%d-%d-%d.$zone","type":"A","ttl":3600,"changetype":"REPLACE","records":[{"content":"198.51.100.7","disabled":false}]}]}', tid, counter, os.time())
  return wrk.format("PATCH", "/api/v1/servers/localhost/zones/$zone", {["X-API-Key"] = "$key", ["Content-Type"] = "application/json"}, body)
end
LUA
failures() { echo "$1" | awk '/Non-2xx/ {print $5}' | grep . || echo 0; }
# Same write warm-up as the Meridian side.
taskset -c 0 wrk -t1 -c1 -d2s -s "$work/patch.lua" "http://$http" >/dev/null
one=$(taskset -c 0 wrk -t1 -c1 -d"${seconds}s" -s "$work/patch.lua" "http://$http")
one_rate=$(echo "$one" | awk '/Requests\/sec/ {print $2}')
printf "  record creates/s, one keep-alive client:     %10.0f  (non-2xx: %s)\n" "$one_rate" "$(failures "$one")"
eight=$(taskset -c 0 wrk -t2 -c8 -d"${seconds}s" -s "$work/patch.lua" "http://$http")
eight_rate=$(echo "$eight" | awk '/Requests\/sec/ {print $2}')
eight_total=$(echo "$eight" | awk '/requests in/ {print $1}')
eight_failed=$(failures "$eight")
printf "  record creates/s, 8 concurrent writers:      %10.0f  (non-2xx: %s of %s)\n" "$eight_rate" "$eight_failed" "$eight_total"

visible=0 trials=200
for i in $(seq 1 $trials); do
  curl -s -o /dev/null -X PATCH -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"rrsets\":[{\"name\":\"v$i.$zone\",\"type\":\"A\",\"ttl\":3600,\"changetype\":\"REPLACE\",\"records\":[{\"content\":\"203.0.113.9\",\"disabled\":false}]}]}" \
    "$api/zones/$zone"
  dig @127.0.0.1 -p "$dns_port" +short +time=1 +tries=1 "v$i.$zone" A | grep -q 203.0.113.9 && visible=$((visible + 1))
done
echo "  writes seen by the first dig right after the 2xx: $visible / $trials"

import_seconds=""
if [ "$skip_import" = 0 ]; then
  # The fastest way through its API measured before: the zone, then PATCHes of 10,000 RRsets each.
  python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for batch in range(10):
    rrsets = [{"name": f"host{i}.import-pdns.example.", "type": "A", "ttl": 3600, "changetype": "REPLACE",
               "records": [{"content": f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}", "disabled": False}]}
              for i in range(batch * 10000, (batch + 1) * 10000)]
    with open(f"{work}/batch{batch}.json", "w") as f:
        json.dump({"rrsets": rrsets}, f)
PY
  ticks=$(cpu_ticks "$pdns_pid")
  start=$(date +%s.%N)
  curl -sf -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d '{"name":"import-pdns.example.","kind":"Native","nameservers":["ns1.meridian.invalid."]}' "$api/zones"
  failed=0
  for batch in $(seq 0 9); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "X-API-Key: $key" -H 'Content-Type: application/json' \
      --data-binary @"$work/batch$batch.json" "$api/zones/import-pdns.example.")
    [ "$status" = 204 ] || failed=$((failed + 1))
  done
  end=$(date +%s.%N)
  import_seconds=$(echo "$end - $start" | bc)
  ticks=$(( $(cpu_ticks "$pdns_pid") - ticks ))
  count=$(sqlite3 "$work/pdns.sqlite3" "SELECT COUNT(*) FROM records r JOIN domains d ON d.id = r.domain_id WHERE d.name = 'import-pdns.example' AND r.type = 'A'")
  printf "  import of 100,000 records through the API:   %10.2f s  (server CPU %s.%02d s; 10 PATCHes of 10,000, %s failed, %s records stored)\n" \
    "$import_seconds" $((ticks / 100)) $((ticks % 100)) "$failed" "$count"
fi

if [ -n "$results" ]; then
  printf "reads=%s read_cpu=%s one=%s eight=%s eight_failed=%s eight_total=%s visible=%s import=%s\n" \
    "$reads" "$read_cpu" "$one_rate" "$eight_rate" "$eight_failed" "$eight_total" "$visible" "$import_seconds" > "$results"
fi
