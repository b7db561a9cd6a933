#!/bin/sh
# A throwaway PostgreSQL cluster for the integration tests, reachable only over a unix socket.
#   pg_cluster.sh start [DIR]  creates DIR (default: a new /tmp/zjpg.XXXXXX), starts the server,
#                              creates database zhijia_test, writes its URI to DIR/uri and
#                              prints DIR on stdout.
#   pg_cluster.sh stop DIR     stops the server and removes DIR; succeeds when already gone.
# initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user.
set -eu

usage() { echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2; }
[ $# -ge 1 ] || usage
cmd=$1
dir=${2:-}
port=5432  # only names the socket file: with listen_addresses='' clusters never share a port
marker=.zhijia-pg-cluster

bindir=${PG_BINDIR:-}
if [ -z "$bindir" ] && command -v pg_config >/dev/null 2>&1; then bindir=$(pg_config --bindir); fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  # libpq-dev's pg_config may belong to another major version than the server package.
  bindir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  [ -e "$dir" ] || return 0
  if [ ! -e "$dir/$marker" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "pg_cluster.sh: refusing to remove $dir: it was not made by this script" >&2
    exit 1
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    # Immediate: the data is thrown away anyway, so no checkpoint is worth waiting for.
    (cd "$dir" && as_pg "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30) \
      >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

cleanup_failed_start() {
  status=$?
  if [ "$status" -ne 0 ]; then cd / && stop_cluster; fi
}

case $cmd in
  start)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
      echo "pg_cluster.sh: PostgreSQL server binaries not found (install postgresql-15)" >&2
      exit 1
    fi
    if [ -n "$dir" ]; then
      stop_cluster  # a cluster left behind by a run that was killed
      mkdir -p "$dir"
    else
      dir=$(mktemp -d /tmp/zjpg.XXXXXX)
    fi
    dir=$(cd "$dir" && pwd -P)
    touch "$dir/$marker"
    # A start that fails half-way leaves no server and no folder behind.
    trap cleanup_failed_start EXIT
    # The socket lives in DIR; its path must stay under the 107-byte limit of sun_path.
    if [ ${#dir} -gt 80 ]; then
      echo "pg_cluster.sh: $dir is too long for a unix socket path" >&2
      exit 1
    fi
    if [ "$(id -u)" = 0 ]; then
      chown postgres "$dir"
    fi
    # Readable and traversable, so processes of other users (the tests, as root) reach the socket.
    chmod 755 "$dir"
    cd "$dir"  # initdb warns when it cannot return to a working directory it may not read
    if ! as_pg "$bindir/initdb" -D "$dir/data" --auth=trust -U postgres --encoding=UTF8 \
        --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
      rm -rf "$dir/data"
      if ! as_pg "$bindir/initdb" -D "$dir/data" --auth=trust -U postgres --encoding=UTF8 \
          --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        echo "pg_cluster.sh: initdb failed in $dir" >&2
        exit 1
      fi
    fi
    # Unix socket only, in DIR. Durability off: a test cluster lives for minutes and is thrown away.
    options="-c listen_addresses='' -k '$dir' -p $port -c max_connections=300"
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if ! as_pg "$bindir/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" \
        >/dev/null 2>&1; then
      cat "$dir/server.log" >&2 || true
      echo "pg_cluster.sh: the server in $dir did not start" >&2
      exit 1
    fi
    if ! as_pg "$bindir/psql" -h "$dir" -p $port -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE DATABASE zhijia_test" >/dev/null; then
      echo "pg_cluster.sh: could not create database zhijia_test in $dir" >&2
      exit 1
    fi
    echo "postgresql:///zhijia_test?host=$dir&port=$port&user=postgres" >"$dir/uri"
    chmod 644 "$dir/uri"
    echo "$dir"
    ;;
  stop)
    [ -n "$dir" ] || usage
    stop_cluster
    ;;
  *) usage ;;
esac
