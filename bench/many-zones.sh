#!/usr/bin/env bash
# A reseller's host: 100,000 zones of 10 records each. Writes them through the storage layer
# (bench/Meridian.ManyZones: EF Core over the platform's SQLite database, no HTTP), then starts
# `meridian serve` on that data directory and measures
#   - the time from starting the process to the first correct answer for zones at the start, middle and end
#     of the database (all three answered: every zone is published before the DNS listeners answer), and the
#     server's CPU time (user + system) until then: on a shared machine the figure other work bends least;
#   - the server's RSS once it answers (and its peak, VmHWM);
#   - the cost of adding one more zone at that size: a 10-record BIND import through the Client API, timed until
#     the 201 and until `dig` gets the new zone's answer (median of --adds imports).
# Target (issue 18): start under 10 s, under 1 GB.
#
# Usage: bench/many-zones.sh [--zones 100000] [--adds 20] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

zones=100000; adds=20; keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --zones) zones=$2; shift 2;;
    --adds) adds=$2; shift 2;;
    --keep) keep=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done

scripts/install-deps.sh curl bind9-dnsutils >/dev/null
dotnet build src/Meridian.Server -c Release -nologo -v quiet >/dev/null
dotnet build bench/Meridian.ManyZones -c Release -nologo -v quiet >/dev/null
meridian="$root/artifacts/bin/Meridian.Server/release/meridian"
fill="$root/artifacts/bin/Meridian.ManyZones/release/Meridian.ManyZones"
work=${keep:-$(mktemp -d /tmp/meridian-many-zones.XXXXXX)}
data="$work/data"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -z "$keep" ] && rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
ms_since() { python3 -c "import sys; print(f'{(float(sys.argv[2]) - float(sys.argv[1])) * 1000:.1f}')" "$1" "$2"; }

if [ ! -f "$data/meridian.db" ]; then
  "$fill" --data "$data" --zones "$zones"
fi

http=127.0.0.1:$(free_port); dns_port=$(free_port); dns=127.0.0.1:$dns_port
answers() { # $1 = name, $2 = expected address
  [ "$(dig @127.0.0.1 -p "$dns_port" +short +tries=1 +time=1 "$1" A 2>/dev/null)" = "$2" ]
}
last=$((zones - 1)); middle=$((zones / 2))
expect() { echo "198.51.100.$(( $1 % 250 + 1 ))"; }

started=$(now)
(cd "$work" && exec "$meridian" serve --data "$data" --http "$http" --dns "$dns" >"$work/serve.log" 2>&1) &
server_pid=$!
answered=""
for _ in $(seq 1 1200); do
  if answers "www.zone0.many.test" "$(expect 0)" && answers "www.zone$middle.many.test" "$(expect $middle)" && answers "www.zone$last.many.test" "$(expect $last)"; then
    answered=$(now); break
  fi
  kill -0 "$server_pid" 2>/dev/null || { echo "the server stopped:" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$answered" ] || { echo "no answer after 60 s" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
start_ms=$(ms_since "$started" "$answered")
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
start_cpu=$(cpu_ticks "$server_pid")
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status")
peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$server_pid/status")

# One more zone at that size, through the Client API (an account made with the CLI while the server runs).
for _ in $(seq 1 100); do curl -sf "http://$http/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
token=$("$meridian" accounts create --kind client --name "bench-adds-$$" --email adds@bench.test --data "$data" 2>/dev/null | tail -1)
api_ms=(); visible_ms=()
adds_cpu_before=$(cpu_ticks "$server_pid")
for i in $(seq 1 "$adds"); do
  name="added$i-$$.many.test"
  file=$(printf '$ORIGIN %s.\n@ A 192.0.2.1\n@ AAAA 2001:db8::1\n@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nwww A 198.51.100.7\nmail A 203.0.113.1\napi A 198.51.100.8\napi AAAA 2001:db8:1::8\nftp CNAME www\n_dmarc TXT "v=DMARC1; p=reject"\n' "$name")
  t0=$(now)
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: text/plain' --data-binary "$file" "http://$http/api/client/import/bind")
  t1=$(now)
  [ "$status" = 201 ] || { echo "import of $name answered $status" >&2; exit 1; }
  until answers "www.$name" 198.51.100.7; do sleep 0.001; done
  t2=$(now)
  api_ms+=("$(ms_since "$t0" "$t1")"); visible_ms+=("$(ms_since "$t0" "$t2")")
done
adds_cpu=$(( $(cpu_ticks "$server_pid") - adds_cpu_before ))
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

echo "zones: $zones of 10 records ($((zones * 10)) records)"
echo "start to first answer: ${start_ms} ms, server CPU $((start_cpu * 10)) ms (zones 0, $middle and $last all answering; load average $(cut -d' ' -f1 /proc/loadavg))"
echo "RSS once answering: ${rss} MB (peak ${peak} MB)"
echo "adding one zone of 10 records (Client API import, median of $adds): 201 after $(median "${api_ms[@]}") ms, answered by dig after $(median "${visible_ms[@]}") ms; server CPU $((adds_cpu * 10 / adds)) ms per add"
