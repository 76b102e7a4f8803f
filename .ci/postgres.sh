#!/usr/bin/env bash
# A PostgreSQL server for the store's tests (`--db postgres://…`), from Debian's package.
#
# Installs `postgresql` when its binaries are missing, initialises a cluster owned by the
# `postgres` user in $HERALD_PG_DIR (default /tmp/herald-pg), starts it listening on 127.0.0.1
# only (port $HERALD_PG_PORT, default 54329; trust authentication, so nothing but this machine
# can reach it and no password is involved), creates the database `herald`, and prints the
# connection URL as the last line of stdout (everything else goes to stderr):
#
#     export HERALD_TEST_PG=$(bash .ci/postgres.sh | tail -n1)
#
# Idempotent: a second run finds the server running and only prints the URL. The server is
# left running after CI on purpose (tests create and drop their own databases in it); it holds
# no secrets, listens on loopback only, and the next run reuses it. Stop it with
#     runuser -u postgres -- pg_ctl -D /tmp/herald-pg/data stop
set -euo pipefail

dir=${HERALD_PG_DIR:-/tmp/herald-pg}
port=${HERALD_PG_PORT:-54329}
data=$dir/data
url="postgres://postgres@127.0.0.1:$port/herald"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    # Debian keeps the server binaries off PATH.
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            echo "$d"
            return
        fi
    done
}

bin=$(find_bin)
if [ -z "$bin" ] || ! command -v psql >/dev/null 2>&1; then
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(find_bin)
fi
[ -n "$bin" ] || { log "no initdb/pg_ctl after installing postgresql"; exit 1; }

as_pg() {
    if command -v runuser >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    elif [ "$(id -un)" = postgres ]; then
        "$@"
    else
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
}

mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
fi

if [ ! -s "$data/PG_VERSION" ]; then
    log "initialising a cluster in $data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
fi

ready() {
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1
}
if ! ready && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # Running but not answering: starting up, or the remains of a killed server.
    for _ in $(seq 20); do ready && break; sleep 0.5; done
    ready || as_pg "$bin/pg_ctl" -D "$data" -m immediate stop >&2 || true
fi
if ! ready; then
    log "starting the server on 127.0.0.1:$port"
    # A server killed with its machine leaves postmaster.pid behind; pg_ctl copes with that.
    as_pg "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 -c fsync=off" \
        >&2 || { tail -n 20 "$dir/server.log" >&2; exit 1; }
fi

psql_pg() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres "$@"; }
if ! psql_pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'herald'" | grep -q 1; then
    psql_pg -d postgres -c "CREATE DATABASE herald" >&2
fi
echo "$url"
