#!/usr/bin/env bash
# Loads the Simple API of a running `meridian serve` (meridian backend, SQLite) with path-form upserts,
# POST /simple/records/A/<domain>/<name>/<ip> with no body, as the original dns-api's scripts send them, and
# prints upserts/s with one keep-alive client and with eight. Each client cycles over 50 names of its own and
# changes the address every time, so every request is a real change: a create on the first pass over a name,
# an update after it, each one a new zone serial and journal entry, answered by DNS before the 200.
# Usage: bench/simple-api-load.sh [--seconds 10]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=10
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
scripts/install-deps.sh wrk curl bind9-dnsutils >/dev/null
dotnet build src/Meridian.Server -c Release -nologo -v quiet >/dev/null
meridian="$root/artifacts/bin/Meridian.Server/release/meridian"
work=$(mktemp -d /tmp/meridian-simple-bench.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

http=127.0.0.1:$((18600 + RANDOM % 300)) dns=127.0.0.1:$((16100 + RANDOM % 300))
export MERIDIAN__SimpleApi__SecretKey=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export MERIDIAN__SimpleApi__Account=bench
export MERIDIAN__SimpleApi__Users__0__Name=bench
export MERIDIAN__SimpleApi__Users__0__Domains__0=simple-bench.example
export MERIDIAN__Dns__SandboxListen__0=off
# The user's request budget (RateLimits, 100 a minute by default) would measure the limiter, not the upserts.
export MERIDIAN__RateLimits__PerHour=1000000000 MERIDIAN__RateLimits__PerMinute=1000000000
key=$("$meridian" accounts create --kind client --name bench --email b@bench.test --data "$work" | tail -1)
(cd "$work" && exec taskset -c 1 "$meridian" serve --data "$work" --http "$http" --dns "$dns" >"$work/serve.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 300); do curl -sf "http://$http/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf -H "Authorization: Bearer $key" -d '{"name":"simple-bench.example"}' "http://$http/api/client/domains" >/dev/null
token=$("$meridian" token create --user bench | tail -1)

cat > "$work/upsert.lua" <<LUA
-- Each wrk thread has its own Lua state: number the threads so each client has names of its own.
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
counter = 0
request = function()
  counter = counter + 1
  local path = string.format("/simple/records/A/simple-bench.example/c%s-%d-%d/198.51.%d.%d", os.getenv("RUN") or "", tid, counter % 50,
    100 + math.floor(counter / 250) % 100, counter % 250 + 1)
  return wrk.format("POST", path, {["Authorization"] = "Bearer $token"})
end
LUA
rate() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
failed() { echo "$1" | awk '/Non-2xx/ {print $5}' | grep . || echo 0; }

# The server has just started: 5 s of the same upserts first, so the figures are of JIT-compiled code.
RUN=warm taskset -c 0 wrk -t1 -c1 -d5s -s "$work/upsert.lua" "http://$http" >/dev/null
one=$(RUN=one taskset -c 0 wrk -t1 -c1 -d"${seconds}s" -s "$work/upsert.lua" "http://$http")
eight=$(RUN=eight taskset -c 0 wrk -t2 -c8 -d"${seconds}s" -s "$work/upsert.lua" "http://$http")
# wrk's two threads share one Lua file: with 8 connections, 4 per thread share its names, so both creates and
# updates of the same names interleave, as scripts racing each other would.
printf "Simple API path-form upserts/s (meridian backend, SQLite, server on one core):\n"
printf "  one keep-alive client:  %8.0f  (non-2xx: %s)\n" "$(rate "$one")" "$(failed "$one")"
printf "  eight clients:          %8.0f  (non-2xx: %s)\n" "$(rate "$eight")" "$(failed "$eight")"
last=$(curl -s -X POST -H "Authorization: Bearer $token" "http://$http/simple/records/A/simple-bench.example/check/192.0.2.200")
dig @"${dns%:*}" -p "${dns#*:}" +short check.simple-bench.example A | grep -q 192.0.2.200 && echo "  the last upsert was answered by DNS right after its 200"
