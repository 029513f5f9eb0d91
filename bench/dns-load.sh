#!/usr/bin/env bash
# Serves one generated zone with Meridian, Knot DNS and NSD side by side on loopback and loads each with
# dnsperf for the same duration and query mix. Prints queries/second, average and 99th-percentile
# latency, server CPU time per answered query, and RSS, with Meridian's ratio to each peer.
#
# Usage: bench/dns-load.sh [--names 10000] [--seconds 10] [--memory-records 1000000] [--skip-memory]
#                          [--latency-qps 20000] [--latency-rounds 5] [--load-rounds 3]
#        bench/dns-load.sh --geo [--geo-percent 30] [--geo-rounds 2] [--names 10000] [--seconds 10]
# --geo runs the GeoDNS case instead: the same zone served by Meridian's engine (bench/Meridian.GeoLoad) once
# as is and once with US/EU/JP variants of the A and AAAA records of 30% of the names, both asked the same
# query mix with an EDNS Client Subnet option on every query (1,792 /24 subnets over six countries and no
# known location; dnsperf -B input, since -E would send one fixed option); prints geo / plain ratios.
# Method (from ../shared/reference/performance-notes.md): each server pinned to one CPU with one worker,
# dnsperf pinned to the other (-c 8 -q 100). The servers get CPU 0 because Knot pins its UDP worker n to
# CPU n itself, whatever taskset said: with the servers on CPU 1, Knot silently ran on dnsperf's CPU and
# the comparison was not like for like. The script checks where every server thread may run.
# dnsperf saturates near 130-150k qps, so CPU time per query is the figure that separates servers; qps
# alone is a lower bound. Latency percentiles come from separate runs at a fixed rate (-Q) with per-query
# reporting, so measuring does not disturb the throughput run: several rounds alternating between the
# servers, and the median of each server's 99th percentiles is reported.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

server_cpu=0; client_cpu=1
origin=bench.example.; names=10000; seconds=10; memory_records=1000000; skip_memory=0; latency_qps=20000; latency_rounds=5; load_rounds=3; skip_p99=0; skip_warmup=0
geo=0; geo_percent=30; geo_rounds=2; perf_input=()
while [ $# -gt 0 ]; do
  case "$1" in
    --names) names=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --memory-records) memory_records=$2; shift 2;;
    --skip-memory) skip_memory=1; shift;;
    --latency-qps) latency_qps=$2; shift 2;;
    --latency-rounds) latency_rounds=$2; shift 2;;
    --load-rounds) load_rounds=$2; shift 2;;
    --geo) geo=1; shift;;
    --geo-percent) geo_percent=$2; shift 2;;
    --geo-rounds) geo_rounds=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done

scripts/install-deps.sh knot nsd dnsperf bind9-dnsutils >/dev/null
dotnet build src/Meridian.Server -c Release -nologo -v quiet >/dev/null
meridian="$root/artifacts/bin/Meridian.Server/release/meridian"
work=$(mktemp -d /tmp/meridian-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 0.3; rm -rf "$work"; }
trap cleanup EXIT

# --- the zone and the query mix -------------------------------------------------------------------
generate_zone() { # $1 = names, $2 = file
  awk -v n="$1" 'BEGIN {
    print "$ORIGIN bench.example."; print "$TTL 3600"
    print "@ SOA ns1 hostmaster 1 3600 900 604800 300"; print "@ NS ns1"; print "@ NS ns2"
    print "ns1 A 192.0.2.1"; print "ns2 A 192.0.2.2"; print "@ MX 10 mail"; print "mail A 192.0.2.3"
    print "*.wild A 192.0.2.4"; print "*.wild TXT \"wildcard\""
    print "sub NS ns.sub"; print "ns.sub A 192.0.2.5"
    for (i = 0; i < n; i++) {
      printf "host%d A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256
      if (i % 3 == 0) printf "host%d AAAA 2001:db8::%x\n", i, i
      if (i % 7 == 0) printf "host%d TXT \"v=spf1 ip4:10.0.0.%d -all\"\n", i, i % 256
      if (i % 10 == 0) printf "host%d MX 10 mail\n", i
      if (i % 13 == 0) printf "alias%d CNAME host%d\n", i, i
    }
  }' > "$2"
}

generate_queries() { # $1 = names, $2 = file: 70% hits, 15% NXDOMAIN, 10% NODATA, 5% wildcard/referral/CNAME
  awk -v n="$1" 'BEGIN { srand(42)
    for (q = 0; q < 100000; q++) {
      r = rand(); i = int(rand() * n)
      if (r < 0.55) printf "host%d.bench.example. A\n", i
      else if (r < 0.62) printf "host%d.bench.example. AAAA\n", i - i % 3
      else if (r < 0.66) printf "host%d.bench.example. TXT\n", i - i % 7
      else if (r < 0.70) printf "host%d.bench.example. MX\n", i - i % 10
      else if (r < 0.85) printf "missing%d.bench.example. A\n", i
      else if (r < 0.95) printf "host%d.bench.example. SRV\n", i
      else if (r < 0.97) printf "x%d.wild.bench.example. A\n", i
      else if (r < 0.985) printf "www%d.sub.bench.example. A\n", i
      else printf "alias%d.bench.example. A\n", i - i % 13
    }
  }' > "$2"
}

# --- servers ---------------------------------------------------------------------------------------
wait_ready() { # $1 = port
  for _ in $(seq 1 600); do
    dig @127.0.0.1 -p "$1" +short +time=1 +tries=1 "$origin" SOA 2>/dev/null | grep -q hostmaster && return 0
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2; return 1
}

start_meridian() { # $1 zone, $2 port
  DOTNET_TieredPGO=1 DOTNET_GCgen0size=0x400000 taskset -c "$server_cpu" "$meridian" dns --zone "$origin=$1" --listen "127.0.0.1:$2" --udp-workers 1 >"$work/meridian.log" 2>&1 &
  echo $!
}

start_knot() { # $1 zone, $2 port
  local dir="$work/knot-$2"; mkdir -p "$dir/db"
  cat > "$dir/knot.conf" <<CONF
server:
    listen: 127.0.0.1@$2
    rundir: $dir
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
database:
    storage: $dir/db
template:
  - id: default
    storage: $dir
    zonefile-sync: -1
    journal-content: none
    semantic-checks: off
zone:
  - domain: $origin
    file: $1
log:
  - target: stderr
    any: error
CONF
  taskset -c "$server_cpu" knotd -c "$dir/knot.conf" >"$dir/log" 2>&1 &
  echo $!
}

start_nsd() { # $1 zone, $2 port
  local dir="$work/nsd-$2"; mkdir -p "$dir"; chmod 777 "$dir"
  cat > "$dir/nsd.conf" <<CONF
server:
    ip-address: 127.0.0.1@$2
    server-count: 1
    username: ""
    chroot: ""
    zonesdir: "$dir"
    pidfile: "$dir/nsd.pid"
    database: ""
    zonelistfile: "$dir/zone.list"
    xfrdfile: "$dir/xfrd.state"
    xfrdir: "$dir"
    verbosity: 0
    hide-version: yes
    # Debian builds NSD with response-rate limiting on; it would throttle a load test to ~200 qps.
    rrl-ratelimit: 0
remote-control:
    control-enable: no
zone:
    name: $origin
    zonefile: "$1"
CONF
  taskset -c "$server_cpu" nsd -d -c "$dir/nsd.conf" >"$dir/log" 2>&1 &
  echo $!
}

tree_pids() { # the process and all its descendants (NSD answers from a forked grandchild)
  local all="$1" frontier="$1" next
  while [ -n "$frontier" ]; do
    next=$(for p in $frontier; do pgrep -P "$p"; done | tr '\n' ' ')
    all="$all $next"; frontier=$(echo "$next" | xargs)
  done
  echo "$all"
}
# utime + stime from /proc/PID/stat, read after the ")" that ends the command name, which can hold spaces
# ("nsd: server 1").
cpu_ticks() { local total=0; for p in $(tree_pids "$1"); do [ -r /proc/$p/stat ] || continue; t=$(sed 's/.*) //' /proc/$p/stat | awk '{print $12+$13}'); total=$((total + t)); done; echo $total; }
rss_kb() { local total=0; for p in $(tree_pids "$1"); do [ -r /proc/$p/status ] || continue; r=$(awk '/^VmRSS/ {print $2}' /proc/$p/status); total=$((total + ${r:-0})); done; echo $total; }

check_pinned() { # $1 label, $2 pid: every thread of the server may run on the server CPU only
  local p t
  for p in $(tree_pids "$2"); do
    for t in /proc/$p/task/*; do
      [ -r "$t/status" ] || continue
      local allowed; allowed=$(awk '/^Cpus_allowed_list/ {print $2}' "$t/status")
      [ "$allowed" = "$server_cpu" ] || echo "warning: $1 thread $(cat "$t/comm") may run on CPUs $allowed, not only $server_cpu" >&2
    done
  done
}

p99_once() { # $1 port, $2 queries -> the 99th-percentile latency in ms of a run at the fixed rate
  taskset -c "$client_cpu" dnsperf -s 127.0.0.1 -p "$1" -d "$2" "${perf_input[@]}" -c 8 -q 100 -t 2 -l 4 -Q "$latency_qps" -v 2>/dev/null \
    | awk '$1 == ">" { print $NF }' | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } i = int(NR * 0.99); if (i < 1) i = 1; printf "%.3f", v[i] * 1000 }'
}

measure() { # $1 label, $2 pid, $3 port, $4 queries  -> prints "label qps avg_ms p99_ms cpu_us rss_mb"
  local label=$1 pid=$2 port=$3 queries=$4 hz; hz=$(getconf CLK_TCK)
  check_pinned "$label" "$pid"
  [ "$skip_warmup" = 1 ] || taskset -c "$client_cpu" dnsperf -s 127.0.0.1 -p "$port" -d "$queries" "${perf_input[@]}" -c 8 -q 100 -t 2 -l 3 >/dev/null 2>&1 || true   # warm-up
  local before; before=$(cpu_ticks "$pid")
  local out; out=$(taskset -c "$client_cpu" dnsperf -s 127.0.0.1 -p "$port" -d "$queries" "${perf_input[@]}" -c 8 -q 100 -t 2 -l "$seconds" 2>&1)
  local after; after=$(cpu_ticks "$pid")
  local qps completed avg
  qps=$(echo "$out" | awk '/Queries per second/ {print $4}')
  completed=$(echo "$out" | awk '/Queries completed/ {print $3}')
  avg=$(echo "$out" | awk '/Average Latency/ {print $4 * 1000}')
  local cpu_us; cpu_us=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$completed" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
  local p99=-; [ "$skip_p99" = 1 ] || p99=$(p99_once "$port" "$queries")
  local rss; rss=$(awk -v k="$(rss_kb "$pid")" 'BEGIN { printf "%.1f", k / 1024 }')
  printf "%-9s %10.0f %9.3f %9s %9s %9s\n" "$label" "$qps" "$avg" "$p99" "$cpu_us" "$rss"
}

run_load() {
  local zone="$work/load.zone" queries="$work/queries.txt"
  generate_zone "$names" "$zone"; generate_queries "$names" "$queries"
  echo "== load: $(grep -vc '^\$' "$zone") records over $names names, 100,000-query mix, ${seconds}s per server, server on CPU $server_cpu, dnsperf on CPU $client_cpu"
  echo "   qps, avg and cpu: median of $load_rounds alternating ${seconds}s rounds; p99: median of $latency_rounds alternating ${latency_qps}-qps rounds per server; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "%-9s %10s %9s %9s %9s %9s\n" server qps "avg ms" "p99 ms" "cpu us/q" "rss MB"
  # All three run at once (an idle server costs nothing), so the latency rounds can alternate between them:
  # single 99th percentiles move by tens of percent with whatever else the machine does.
  local -A port pid
  for server in meridian knot nsd; do
    port[$server]=$((15300 + RANDOM % 1000))
    pid[$server]=$(start_$server "$zone" "${port[$server]}"); pids+=("${pid[$server]}")
    wait_ready "${port[$server]}"
  done
  # Throughput too in alternating rounds (a warm-up before each server's first), with each server's median
  # qps, average latency and CPU per query kept: a single run per server had moved the ratios by ±10%.
  local rounds=() server
  skip_p99=1
  for round in $(seq 1 "$load_rounds"); do
    skip_warmup=0; [ "$round" = 1 ] || skip_warmup=1
    for server in meridian knot nsd; do rounds+=("$(measure "$server" "${pid[$server]}" "${port[$server]}" "$queries")"); done
  done
  skip_p99=0; skip_warmup=0
  local results=()
  mapfile -t results < <(printf '%s\n' "${rounds[@]}" | awk '
    { n[$1]++; q[$1, n[$1]] = $2; a[$1, n[$1]] = $3; c[$1, n[$1]] = $5; r[$1] = $6 }
    function median(v, label,   i, j, t, x) { for (i = 1; i <= n[label]; i++) x[i] = v[label, i]
      for (i = 1; i <= n[label]; i++) for (j = i + 1; j <= n[label]; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      return x[int((n[label] + 1) / 2)] }
    END { split("meridian knot nsd", order, " ")
      for (k = 1; k <= 3; k++) { s = order[k]; printf "%-9s %10.0f %9.3f %9s %9.2f %9s\n", s, median(q, s), median(a, s), "-", median(c, s), r[s] } }')
  local latencies=()
  for _ in $(seq 1 "$latency_rounds"); do
    for server in meridian knot nsd; do latencies+=("$server $(p99_once "${port[$server]}" "$queries")"); done
  done
  local medians; medians=$(printf '%s\n' "${latencies[@]}" | sort -k1,1 -k2n | awk '
    { n[$1]++; v[$1, n[$1]] = $2 } END { for (s in n) print s, v[s, int((n[s] + 1) / 2)] }')
  results=("$(printf '%s\n' "${results[@]}" | awk -v medians="$medians" '
    BEGIN { split(medians, lines, "\n"); for (i in lines) { split(lines[i], f, " "); p[f[1]] = f[2] } }
    { $4 = p[$1]; printf "%-9s %10.0f %9.3f %9s %9s %9s\n", $1, $2, $3, $4, $5, $6 }')")
  printf '%s\n' "${results[@]}"
  for server in meridian knot nsd; do kill "${pid[$server]}"; wait "${pid[$server]}" 2>/dev/null || true; done
  local all; all=$(printf '%s\n' "${results[@]}")
  local m k n
  m=$(echo "$all" | awk '$1 == "meridian"'); k=$(echo "$all" | awk '$1 == "knot"'); n=$(echo "$all" | awk '$1 == "nsd"')
  for peer in "$k" "$n"; do
    echo "$m" "$peer" | awk '{ printf "meridian / %-5s qps %.2fx, p99 latency %.2fx, cpu per query %.2fx, rss %.2fx\n", $7, $2 / $8, ($4 == "n/a" || $10 == "n/a") ? 0 : $4 / $10, $5 / $11, $6 / $12 }'
  done
}

run_memory() {
  local zone="$work/memory.zone"
  awk -v n="$memory_records" 'BEGIN { print "$ORIGIN big.example."; print "$TTL 3600"
    print "@ SOA ns1 hostmaster 1 3600 900 604800 300"; print "@ NS ns1"; print "ns1 A 192.0.2.1"
    for (i = 0; i < n; i++) printf "name%d A 10.%d.%d.%d\n", i, int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' > "$zone"
  origin=big.example.
  echo "== memory: $memory_records records, one name each: time until answering, RSS once loaded"
  printf "%-9s %9s %9s\n" server "load s" "rss MB"
  local results=()
  for server in meridian knot nsd; do
    local port; port=$((16300 + RANDOM % 1000))
    local start; start=$(date +%s.%N)
    local pid; pid=$(start_$server "$zone" "$port"); pids+=("$pid")
    for _ in $(seq 1 1200); do dig @127.0.0.1 -p "$port" +short +time=1 +tries=1 big.example. SOA 2>/dev/null | grep -q hostmaster && break; sleep 0.1; done
    local loaded; loaded=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    sleep 2
    local rss; rss=$(awk -v k="$(rss_kb "$pid")" 'BEGIN { printf "%.1f", k / 1024 }')
    results+=("$server $loaded $rss"); printf "%-9s %9s %9s\n" "$server" "$loaded" "$rss"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  printf '%s\n' "${results[@]}" | awk '{ r[$1] = $3 } END { printf "meridian / knot rss %.2fx, meridian / nsd rss %.2fx\n", r["meridian"] / r["knot"], r["meridian"] / r["nsd"] }'
}

start_geoload() { # $1 zone, $2 port, $3 percent of hostN names with geo variants
  DOTNET_TieredPGO=1 DOTNET_GCgen0size=0x400000 taskset -c "$server_cpu" "$geoload" serve --zone "$1" --origin "$origin" \
    --listen "127.0.0.1:$2" --geo-percent "$3" >"$work/geoload-$3.log" 2>&1 &
  echo $!
}

run_geo() {
  dotnet build bench/Meridian.GeoLoad -c Release -nologo -v quiet >/dev/null
  geoload="$root/artifacts/bin/Meridian.GeoLoad/release/Meridian.GeoLoad"
  local zone="$work/load.zone" text="$work/queries.txt" queries="$work/queries-ecs.bin"
  generate_zone "$names" "$zone"; generate_queries "$names" "$text"
  "$geoload" queries --in "$text" --out "$queries" >/dev/null
  perf_input=(-B)
  echo "== geo: $names names, $geo_percent% of them with US/EU/JP variants of A and AAAA; the same 100,000-query mix, each"
  echo "   query with ECS (1,792 /24 subnets); ${seconds}s per run, server on CPU $server_cpu, dnsperf on CPU $client_cpu; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "%-9s %10s %9s %9s %9s %9s\n" run qps "avg ms" "p99 ms" "cpu us/q" "rss MB"
  local results=()
  # Alternating rounds, so a burst of load from elsewhere does not land on one side only; the best of each counts.
  for round in $(seq 1 "$geo_rounds"); do
    for percent in 0 "$geo_percent"; do
      local label=plain; [ "$percent" = 0 ] || label=geo
      local port; port=$((17300 + RANDOM % 1000))
      local pid; pid=$(start_geoload "$zone" "$port" "$percent"); pids+=("$pid")
      wait_ready "$port"
      results+=("$(measure "$label" "$pid" "$port" "$queries")")
      echo "${results[-1]}"
      kill "$pid"; wait "$pid" 2>/dev/null || true
    done
  done
  # Best and median of each side: other work on the machine moves single runs by tens of percent.
  printf '%s\n' "${results[@]}" | awk '
    { n[$1]++; q[$1, n[$1]] = $2; c[$1, n[$1]] = $5 }
    function sorted(a, label, k,   i, j, t, v) { for (i = 1; i <= n[label]; i++) v[i] = a[label, i]
      for (i = 1; i <= n[label]; i++) for (j = i + 1; j <= n[label]; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      return v[k] }
    END { r = n["plain"]; m = int((r + 1) / 2)
      printf "geo / plain over %d runs each: qps best %.3fx, median %.3fx (target >= 0.90); cpu per query best %.3fx, median %.3fx\n", r,
        sorted(q, "geo", r) / sorted(q, "plain", r), sorted(q, "geo", m) / sorted(q, "plain", m),
        sorted(c, "geo", 1) / sorted(c, "plain", 1), sorted(c, "geo", m) / sorted(c, "plain", m) }'
}

if [ "$geo" = 1 ]; then
  run_geo
  exit 0
fi
run_load
[ "$skip_memory" = 1 ] || run_memory
