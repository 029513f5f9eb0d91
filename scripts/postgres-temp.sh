#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests, from the machine's postgresql package.
#   scripts/postgres-temp.sh start [DIR]   initdb in DIR (default: a new temp dir), start on a free
#                                          loopback port, print the connection string on stdout
#   scripts/postgres-temp.sh stop DIR      stop that server and delete DIR
#   scripts/postgres-temp.sh stop-server DIR   stop the server, keeping DIR (an outage, for tests)
#   scripts/postgres-temp.sh start-server DIR  start it again on the same port, with the same data
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (runuser).
# Trust authentication on loopback only; fsync is off: the data is thrown away.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
  echo "postgres-temp: no PostgreSQL server found (apt-get install postgresql)" >&2
  exit 1
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "postgres-temp: no free port found" >&2
  exit 1
}

# run_server BIN DIR PORT: pg_ctl start on loopback PORT, sockets in DIR, waiting until it accepts connections.
run_server() {
  as_server_user "$1/pg_ctl" -D "$2/data" -l "$2/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $3 -k $2 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
}

start() {
  local dir=${1:-} bin port
  bin=$(find_bin)
  [ -n "$dir" ] || dir=$(mktemp -d "${TMPDIR:-/tmp}/meridian-pg.XXXXXX")
  mkdir -p "$dir"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if run_server "$bin" "$dir" "$port"; then
      echo "$port" >"$dir/port"
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "postgres-temp: started in $dir (stop with: $0 stop $dir)" >&2
      return
    fi
    echo "postgres-temp: start on port $port failed (attempt $attempt)" >&2
  done
  tail -20 "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local dir=${1:?usage: postgres-temp.sh stop DIR} bin
  bin=$(find_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

stop_server() {
  local dir=${1:?usage: postgres-temp.sh stop-server DIR} bin
  bin=$(find_bin)
  # fast: sessions are ended and the server checkpoints, as a clean maintenance stop would
  as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

start_server() {
  local dir=${1:?usage: postgres-temp.sh start-server DIR} bin port
  bin=$(find_bin)
  port=$(cat "$dir/port")
  run_server "$bin" "$dir" "$port"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  stop-server) shift; stop_server "$@" ;;
  start-server) shift; start_server "$@" ;;
  *) echo "usage: $0 start [DIR] | stop DIR | stop-server DIR | start-server DIR" >&2; exit 2 ;;
esac
