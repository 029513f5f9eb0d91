#!/usr/bin/env bash
# Zone transfer figures for docs/scale-out.md:
#  1. AXFR of a 1,000,000-record zone from `meridian dns` and from Knot serving the same file (kdig, loopback);
#  2. IXFR after 100 single-record changes to a 100,000-record zone held by `meridian serve` (journal on SQLite).
# Usage: bench/zone-transfer.sh [RECORDS_AXFR] [RECORDS_IXFR]   (after a Release build: dotnet build -c Release)
set -euo pipefail
cd "$(dirname "$0")/.."
big=${1:-1000000}
medium=${2:-100000}
meridian="dotnet artifacts/bin/Meridian.Server/release/meridian.dll"
work=$(mktemp -d /tmp/meridian-xfr-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
wait_soa() { for _ in $(seq 600); do kdig @127.0.0.1 -p "$1" "$2" SOA +short 2>/dev/null | grep -q . && return 0; sleep 0.5; done; echo "no SOA from $1" >&2; exit 1; }
axfr() { # port zone label
  local start end out
  start=$(now); out=$(kdig @127.0.0.1 -p "$1" "$2" AXFR +timeout=120 2>&1 | tail -4); end=$(now)
  echo "$3: AXFR $(echo "$out" | grep -o 'Received.*') in $(echo "$end - $start" | bc) s"
}

python3 - "$work/big.zone" "$big" <<'PY'
import sys
path, count = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("$ORIGIN big.bench.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.1\n")
    for i in range(count - 3):
        f.write(f"h{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n")
PY

p=$(port)
$meridian dns --zone big.bench.="$work/big.zone" --listen 127.0.0.1:$p --allow-transfer 127.0.0.1/32 >"$work/meridian-dns.log" 2>&1 &
pids+=($!)
wait_soa "$p" big.bench.
axfr "$p" big.bench. "meridian ($big records)"
axfr "$p" big.bench. "meridian ($big records)"

k=$(port)
mkdir -p "$work/knot/db"  # knotd does not create its database directory
cat >"$work/knot/knot.conf" <<CONF
server:
    listen: 127.0.0.1@$k
    rundir: $work/knot
database:
    storage: $work/knot/db
acl:
  - id: local
    address: 127.0.0.1
    action: transfer
template:
  - id: default
    storage: $work/knot
    zonefile-sync: -1
    journal-content: none
    semantic-checks: off
zone:
  - domain: big.bench.
    file: $work/big.zone
    acl: local
CONF
knotd -c "$work/knot/knot.conf" >"$work/knot.log" 2>&1 &
pids+=($!)
wait_soa "$k" big.bench.
axfr "$k" big.bench. "knot ($big records)"
axfr "$k" big.bench. "knot ($big records)"

# IXFR: meridian serve, a 100k-record import, then 100 changes through the Client API.
data="$work/serve"; h=$(port); d=$(port)
$meridian serve --data "$data" --http 127.0.0.1:$h --dns 127.0.0.1:$d "--Transfer:Allow:0=127.0.0.1/32" >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do grep -q '^mk_' "$work/serve.log" && curl -sf "http://127.0.0.1:$h/readyz" >/dev/null && break; sleep 0.5; done
admin=$(grep '^mk_' "$work/serve.log" | head -1)
account=$(curl -sf -H "Authorization: Bearer $admin" -H 'content-type: application/json' -d '{"kind":"client","name":"bench","email":"b@example.net"}' "http://127.0.0.1:$h/api/admin/accounts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
token=$(curl -sf -H "Authorization: Bearer $admin" -H 'content-type: application/json' -d '{"name":"bench"}' "http://127.0.0.1:$h/api/admin/accounts/$account/keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
python3 - "$work/medium.zone" "$medium" <<'PY'
import sys
path, count = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("$ORIGIN medium.example.com.\n$TTL 3600\n")
    for i in range(count):
        f.write(f"h{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n")
PY
domain=$(curl -sf -H "Authorization: Bearer $token" -H 'content-type: text/plain' --data-binary @"$work/medium.zone" "http://127.0.0.1:$h/api/client/import/bind" | python3 -c 'import json,sys; print(json.load(sys.stdin)["domain"]["id"])')
before=$(kdig @127.0.0.1 -p $d medium.example.com. SOA +short | awk '{print $3}')
for i in $(seq 100); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"domain_id\":\"$domain\",\"name\":\"new$i\",\"type\":\"A\",\"value\":\"192.0.2.$i\"}" "http://127.0.0.1:$h/api/client/records"
done
for round in 1 2 3; do
  start=$(now); out=$(kdig @127.0.0.1 -p $d medium.example.com. IXFR=$before +timeout=60 2>&1 | tail -4); end=$(now)
  echo "meridian serve ($medium records, 100 changes): IXFR $(echo "$out" | grep -o 'Received.*') in $(echo "$end - $start" | bc) s"
done
start=$(now); out=$(kdig @127.0.0.1 -p $d medium.example.com. AXFR +timeout=60 2>&1 | tail -4); end=$(now)
echo "meridian serve ($medium records): AXFR $(echo "$out" | grep -o 'Received.*') in $(echo "$end - $start" | bc) s"
