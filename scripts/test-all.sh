#!/usr/bin/env bash
# Runs Civic Desk's whole test suite on a fresh Debian machine: installs what the tests need
# (Chromium and its driver, CJK fonts, PostgreSQL, nginx, Maven, Node's npm), starts a throwaway
# PostgreSQL cluster, and runs `mvn verify`, which runs the integration tests on H2 and then on
# PostgreSQL. Nothing is skipped: a missing piece fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# grep reads on to the end: with -q it would stop at the first match, and fc-list, cut off, would fail the
# pipeline (pipefail) as though the fonts were missing.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  # Installing nginx or PostgreSQL would start their system services (nginx on port 80), which the
  # tests do not use: they start their own. A policy-rc.d that answers 101 forbids starting services
  # while packages are installed; one that the machine already has is left as it is.
  policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    trap 'as_root rm -f "$policy"' EXIT
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [ -n "$policy" ]; then
    as_root rm -f "$policy"
    trap - EXIT
  fi
  # A policy-rc.d of the machine's own may have let the system nginx start: stop it, so that nothing
  # is left listening on port 80.
  if [ -s /run/nginx.pid ] && as_root kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
    as_root /usr/sbin/nginx -s quit
  fi
fi

# A throwaway PostgreSQL cluster in a temporary folder, on a free loopback port.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/civicdesk-pg.XXXXXX)
# A random start keeps two test runs on one machine (two checkouts) from racing for one port.
pg_port=${CIVICDESK_TEST_PG_PORT:-$((55000 + RANDOM % 5000))}
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
pg_user=$(id -un)
run_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; its Debian package brings the 'postgres' user.
  chown postgres "$pg_dir"
  pg_user=postgres
  run_pg() { runuser -u postgres -- "$@"; }
fi
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U civicdesk -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U civicdesk civicdesk
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$pg_port (user $pg_user)"

export CIVICDESK_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$pg_port/civicdesk"
export CIVICDESK_TEST_PG_USER=civicdesk
export CIVICDESK_TEST_PG_PASSWORD=civicdesk
export CIVICDESK_TEST_NGINX=/usr/sbin/nginx
mvn -B -ntp verify "$@"
