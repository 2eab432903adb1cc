#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server: initdb in a temp dir (C.UTF-8, like
# PGlite's ordering), start it on a free loopback port, create the two roles a deployment has
# (README「データベースのロール」), export their URLs, run the command, then stop the server and
# remove its data whatever happens.
#   TEST_DATABASE_URL      mokuhyo_owner: creates each test database (so owns it) and migrates it
#   TEST_DATABASE_APP_URL  mokuhyo_app: what the app under test runs as (no superuser, no CREATEDB)
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL server binaries not found: run scripts/install-system-deps.sh" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/mokuhyo-pg.XXXXXX)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
cleanup() {
  as_pg "$bin/pg_ctl -D $dir/data -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
as_pg "$bin/initdb -D $dir/data -E UTF8 --locale=C.UTF-8 -A trust -U postgres" >/dev/null
as_pg "$bin/pg_ctl -D $dir/data -l $dir/server.log -o '-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off' -w start" >/dev/null
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 -c "
  CREATE ROLE mokuhyo_owner LOGIN CREATEDB;
  CREATE ROLE mokuhyo_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (owner mokuhyo_owner, app mokuhyo_app)"
TEST_DATABASE_URL="postgres://mokuhyo_owner@127.0.0.1:$port/postgres" \
  TEST_DATABASE_APP_URL="postgres://mokuhyo_app@127.0.0.1:$port/postgres" "$@"
