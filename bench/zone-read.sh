#!/usr/bin/env bash
# Times reading a large zone file: `meridian zone check` against BIND's `named-compilezone -i none -k
# ignore` on the same generated zone (mixed A/AAAA/MX/TXT/CNAME, relative names), both writing to
# /dev/null. Prints the best wall-clock time of a few runs for each, and the ratio.
#   bench/zone-read.sh [RECORDS] [RUNS]        (defaults: 1000000 records, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000000}
runs=${2:-3}
meridian=artifacts/bin/Meridian.Server/release/meridian

command -v named-compilezone >/dev/null || { echo "zone-read.sh: named-compilezone (bind9-utils) is required" >&2; exit 1; }
dotnet build src/Meridian.Server -c Release -nologo -v quiet >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zone="$work/bench.zone"

# The same zone as ZoneFileBenchmarks.GenerateZone.
awk -v n="$records" 'BEGIN {
  print "$ORIGIN bench.example."; print "$TTL 3600"
  print "@ IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300"
  print "@ IN NS ns1"; print "@ IN NS ns2"; print "ns1 IN A 192.0.2.1"; print "ns2 IN A 192.0.2.2"
  for (written = 0; written < n; ) {
    h++; k = h % 10
    if (k < 4) {
      printf "h%d IN A 10.%d.%d.%d\n", h, int(h / 65536) % 256, int(h / 256) % 256, h % 256
      printf "  300 IN AAAA 2001:db8::%x:%x\n", int(h / 65536), h % 65536; written += 2
    } else if (k < 6) {
      printf "h%d MX 10 mx%d\n\tMX 20 mx%d.example.net.\n", h, h % 100, h % 7; written += 2
    } else if (k < 8) {
      printf "h%d 600 TXT \"v=spf1 include:_spf.example.net ~all\" \"id %d\"\n", h, h; written++
    } else {
      printf "h%d CNAME h%d\n", h, h - 1; written++
    }
  }
}' > "$zone"
echo "zone: $(wc -l < "$zone") lines, $(( $(stat -c %s "$zone") / 1048576 )) MiB, $records records + 5"

# Both must agree before their speed means anything.
"$meridian" zone check "$zone" --origin bench.example. > "$work/meridian.out"
named-compilezone -i none -k ignore -o "$work/bind.out" bench.example. "$zone" > /dev/null
if diff -w -q "$work/bind.out" "$work/meridian.out" > /dev/null; then echo "outputs: identical (white space aside)"
else echo "outputs: DIFFER"; diff -w "$work/bind.out" "$work/meridian.out" | head -5; fi

best() { # best wall-clock seconds of $runs runs of the command
  local best_time=""
  for _ in $(seq "$runs"); do
    local start end elapsed
    start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc)
    if [ -z "$best_time" ] || [ "$(echo "$elapsed < $best_time" | bc)" = 1 ]; then best_time=$elapsed; fi
  done
  printf '%.2f' "$best_time"
}
meridian_time=$(best "$meridian" zone check "$zone" --origin bench.example.)
bind_time=$(best named-compilezone -i none -k ignore -o /dev/null bench.example. "$zone")
echo "meridian zone check:  ${meridian_time} s"
echo "named-compilezone:    ${bind_time} s"
echo "ratio (meridian/bind): $(echo "scale=2; $meridian_time / $bind_time" | bc)"
