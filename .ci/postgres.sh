#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests and CI, on loopback only.
#
#   .ci/postgres.sh start   # prints PRAVAH_PG_URL=postgres://postgres@127.0.0.1:54329/pravah (eval it)
#   .ci/postgres.sh stop    # stops the server on the port and removes its data dir
#
# Runs as root (initdb and the server run as the `postgres` OS user) or as that user itself. Installs
# Debian's postgresql-15 when its binaries are missing. Idempotent: `start` first stops a server that an
# earlier run left on the port. Only the URL goes to stdout; progress goes to stderr.
# Environment: PRAVAH_PG_PORT (default 54329), PRAVAH_PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail

PORT="${PRAVAH_PG_PORT:-54329}"
PG_BIN="${PRAVAH_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_USER=postgres
DIR_PREFIX=/tmp/pravah-pg-

log() { echo "postgres.sh: $*" >&2; }

# Runs a command as the postgres OS user, from a directory that user can read.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u "$PG_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

ensure_installed() {
  if [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && command -v pg_isready >/dev/null && command -v psql >/dev/null; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL 15 is not installed in $PG_BIN and installing it needs root"
    exit 1
  fi
  log "installing postgresql-15 from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-client-15 >&2
}

ensure_user() {
  if [ "$(id -u)" = 0 ] && ! id "$PG_USER" >/dev/null 2>&1; then
    log "creating the $PG_USER OS user"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$PG_USER"
  fi
}

# The data dirs of servers this script started on $PORT (read from their postmaster.pid).
dirs_on_port() {
  local dir
  for dir in "$DIR_PREFIX"*/; do
    dir="${dir%/}"
    [ -d "$dir" ] || continue
    if [ -f "$dir/data/postmaster.pid" ] && [ "$(sed -n 4p "$dir/data/postmaster.pid" 2>/dev/null)" = "$PORT" ]; then
      echo "$dir"
    elif [ -f "$dir/port" ] && [ "$(cat "$dir/port")" = "$PORT" ]; then
      echo "$dir"
    fi
  done
}

port_answers() { pg_isready -q -h 127.0.0.1 -p "$PORT" -t 1 >/dev/null 2>&1; }

stop_server() {
  local dir pid
  for dir in $(dirs_on_port); do
    if [ -f "$dir/data/postmaster.pid" ]; then
      log "stopping the server in $dir"
      as_pg "$PG_BIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 >&2 </dev/null || {
        pid="$(sed -n 1p "$dir/data/postmaster.pid" 2>/dev/null || true)"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
          log "pg_ctl could not stop it; sending SIGQUIT to postmaster $pid"
          kill -QUIT "$pid" 2>/dev/null || true
          sleep 1
        fi
      }
    fi
    rm -rf "$dir"
  done
  if port_answers; then
    # A server whose data dir is gone (or that another tool started): stop it only if it is a postgres.
    pid="$(ss -ltnpH "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true)"
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ]; then
      log "stopping the leftover postgres $pid on port $PORT"
      kill -INT "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do port_answers || break; sleep 1; done
    fi
    if port_answers; then
      log "port $PORT is still taken by another server; set PRAVAH_PG_PORT to another port"
      exit 1
    fi
  fi
}

start_server() {
  ensure_installed
  ensure_user
  stop_server

  local dir
  dir="$(mktemp -d "${DIR_PREFIX}XXXXXX")"
  echo "$PORT" >"$dir/port"
  if [ "$(id -u)" = 0 ]; then chown -R "$PG_USER:" "$dir"; fi
  chmod 700 "$dir"

  log "initdb in $dir/data"
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 </dev/null || {
    cat "$dir/initdb.log" >&2
    exit 1
  }

  # Throwaway data: durability settings off for speed.
  log "starting on 127.0.0.1:$PORT"
  as_pg "$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >&2 </dev/null || {
    cat "$dir/server.log" >&2 || true
    exit 1
  }

  local ready=0
  for _ in $(seq 1 60); do
    if port_answers && psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if [ "$ready" != 1 ]; then
    log "the server did not answer on port $PORT"
    cat "$dir/server.log" >&2 || true
    exit 1
  fi

  psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atqc 'CREATE DATABASE pravah' >&2 </dev/null
  log "ready (data dir $dir)"
  echo "PRAVAH_PG_URL=postgres://postgres@127.0.0.1:$PORT/pravah"
}

case "${1:-}" in
  start) start_server ;;
  stop) stop_server ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
