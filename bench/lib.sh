# What the benchmarks (bench/matters.sh, bench/donations.sh) share: a bounded run, the packages they
# install, a throwaway PostgreSQL cluster, the app nodes, waiting for a quiet machine, reading wrk's
# figures, CPU time per request and the JFR profile. Sourced from the repository's root by a script
# that has `set -euo pipefail`; it starts nothing by itself.

# A failure inside $(...) ends the script as it would outside: the benchmarks' figures come from
# command substitutions.
shopt -s inherit_errexit

# bench_bounded DEFAULT "$@": runs the calling script again under `timeout`, so that the whole run is
# bounded (BENCH_TIMEOUT, else DEFAULT): past it, it is stopped and cleans up.
bench_bounded() {
  [ -z "${BENCH_UNDER_TIMEOUT:-}" ] || return 0
  local limit=${BENCH_TIMEOUT:-$1}
  shift
  exec env BENCH_UNDER_TIMEOUT=1 timeout --foreground -k 30s "$limit" "bench/$(basename "$0")" "$@"
}

# bench_settings CONNECTIONS: the settings both benchmarks have, with their defaults; the number of
# connections differs.
bench_settings() {
  rounds=${BENCH_ROUNDS:-3}
  duration=${BENCH_DURATION:-20s}
  threads=${BENCH_THREADS:-2}
  connections=${BENCH_CONNECTIONS:-$1}
  warmup=${BENCH_WARMUP:-20s}
}

# bench_out DEFAULT: the folder for the logs and results ($out, absolute), BENCH_OUT else DEFAULT.
bench_out() {
  out=${BENCH_OUT:-$1}
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
}

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
seconds() { local d=$1; case $d in *m) echo $(( ${d%m} * 60 )) ;; *s) echo "${d%s}" ;; *) echo "$d" ;; esac; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# need COMMAND PACKAGE [COMMAND PACKAGE ...]: the Debian package to install when the command is
# missing; install_missing installs them all at once, PostgreSQL too.
missing_packages=()
need() {
  while [ $# -gt 0 ]; do
    command -v "$1" >/dev/null || missing_packages+=("$2")
    shift 2
  done
}
install_missing() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing_packages+=(postgresql)
  [ ${#missing_packages[@]} -gt 0 ] || return 0
  log "Installing: ${missing_packages[*]}"
  as_root apt-get update -qq
  # Packages such as postgresql and nginx start a system service when installed; the benchmark
  # starts its own on free ports, and a service left listening on 5432 or 80 would be ours to stop.
  # A policy-rc.d that refuses keeps them from starting (one already there is left as it is).
  local policy=/usr/sbin/policy-rc.d placed= rc=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    placed=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" || rc=$?
  [ -z "$placed" ] || as_root rm -f "$policy"
  [ "$rc" -eq 0 ] || { log "Installing ${missing_packages[*]} failed"; exit 1; }
}

# The first port from about START on that nothing listens on. The random offset keeps two runs on
# one machine from both finding the same port before either listens on it.
free_port() {
  local p=$(( $1 + RANDOM % 1000 ))
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# Every process the script starts in the background, so that cleanup stops exactly those: the app
# nodes by node_pids, the rest (load generators, samplers, a proxy) by the pids left in $helpers.
node_pids=()
bases=()
cleanup() {
  local rc=$?
  local p
  if [ -f "$helpers" ]; then
    while read -r p; do kill "$p" 2>/dev/null || true; done <"$helpers"
  fi
  if [ -n "${BENCH_KEEP:-}" ] && [ "$rc" -eq 0 ]; then
    log "Left running (BENCH_KEEP): app nodes ${node_pids[*]} on ${bases[*]}, PostgreSQL in $pg_dir on port $pg_port."
    log "Stop them with: kill ${node_pids[*]}; runuser -u postgres -- $pg_bin/pg_ctl -D $pg_dir/data -m fast stop; rm -rf $pg_dir"
    return
  fi
  for p in "${node_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${node_pids[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
    kill -9 "$p" 2>/dev/null || true
  done
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  cp "$pg_dir/server.log" "$out/postgresql.log" 2>/dev/null || true
  rm -rf "$pg_dir"
}

# start_postgres OPTIONS: a throwaway cluster, as scripts/test-all.sh starts one, in a temporary
# folder ($pg_dir, which also holds the script's other temporary files) on a free loopback port, with
# the server options the benchmark asks for besides the common ones; defines psql_db.
start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_dir=$(mktemp -d /tmp/civicdesk-bench-pg.XXXXXX)
  chmod 755 "$pg_dir"
  helpers="$pg_dir/helper.pids"
  pg_port=$(free_port 56000)
  run_pg() { "$@"; }
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root; its Debian package brings the 'postgres' user.
    chown postgres "$pg_dir"
    run_pg() { runuser -u postgres -- "$@"; }
  fi
  trap cleanup EXIT
  trap 'exit 143' TERM INT
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U civicdesk -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
  # Two app nodes with 20 connections each, a load generator's 32 and the script's own fit in
  # max_connections; pg_stat_statements says what SQL a request runs and at what cost.
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=100 \
        -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on \
        -c log_lock_waits=on -c deadlock_timeout=100ms $1" \
    >/dev/null
  run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U civicdesk civicdesk
  psql_db() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U civicdesk -d civicdesk -v ON_ERROR_STOP=1 "$@"; }
  psql_db -c "CREATE EXTENSION pg_stat_statements"
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

# build_app: the jar the nodes run ($jar), its commit and the admin password of the first start.
build_app() {
  if [ -z "${BENCH_SKIP_BUILD:-}" ] || ! compgen -G "target/civicdesk-*.jar" >/dev/null; then
    log "Building the app jar"
    mvn -B -q -DskipTests package
  fi
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  # The nodes run from a copy, so that a build during the run cannot pull the jar from under them.
  jar="$pg_dir/civicdesk.jar"
  cp "$(ls target/civicdesk-*.jar | grep -v original | head -n 1)" "$jar"
  chmod 644 "$jar"
  admin_password="bench-admin-$(date +%s)"
}

# start_node NAME SCHEDULING: starts a copy of the app on a free port; the first node runs the
# scheduled jobs (SCHEDULING true), a further one none (false), as a second stateless node would.
# The first node makes the audit signing key that all nodes share, as a deployment gives them one.
# BENCH_DEMO=true loads the demo city (on the first node to start; the others find it there).
start_node() {
  local name=$1 scheduling=$2 port jfr_opts=
  # With BENCH_JFR, each node records from its start, the same in every round (starting a recording
  # before a run costs the node seconds of CPU); the runs to profile are cut out of it afterwards.
  [ -z "${BENCH_JFR:-}" ] || jfr_opts="-XX:StartFlightRecording:name=bench,settings=profile,maxage=4h -XX:FlightRecorderOptions:repository=$pg_dir/jfr-$name"
  port=$(free_port $(( ${#bases[@]} == 0 ? 18000 : 19000 )))
  log "Starting app node $name (commit $commit) on 127.0.0.1:$port"
  SPRING_PROFILES_ACTIVE=postgres \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/civicdesk" \
  SPRING_DATASOURCE_USERNAME=civicdesk SPRING_DATASOURCE_PASSWORD=civicdesk \
  CIVICDESK_DEMO_ENABLED="${BENCH_DEMO:-false}" CIVICDESK_ADMIN_PASSWORD="$admin_password" \
  CIVICDESK_SCHEDULING_ENABLED="$scheduling" \
  CIVICDESK_AUDIT_SIGNING_KEY_FILE="$pg_dir/audit-signing-key.pem" CIVICDESK_AUDIT_GENERATE_KEY=true \
  CIVICDESK_AUDIT_WITNESS_DIR="$pg_dir/audit-witness-$name" \
  SERVER_ADDRESS=127.0.0.1 PORT="$port" \
    java ${BENCH_JAVA_OPTS:-} $jfr_opts -jar "$jar" >"$out/app-$name.log" 2>&1 &
  local pid=$!
  node_pids+=("$pid")
  local base="http://127.0.0.1:$port"
  # BENCH_START_WAIT (180 s): on a machine that other work keeps busy a node may take longer to start.
  local wait=${BENCH_START_WAIT:-180}
  for i in $(seq 1 "$wait"); do
    curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$out/app-$name.log" >&2; log "App node $name did not start"; exit 1; }
    sleep 1
    [ "$i" -lt "$wait" ] || { log "App node $name was not healthy after $wait s"; exit 1; }
  done
  bases+=("$base")
  log "App node $name is up"
}

# generate_matters N: N matters in PostgreSQL (bench/matters-data.sql, once Flyway made the schema and
# the app the departments dept-001 … dept-200), and the write generator's accounts and bearer tokens
# PREFIX-USERNAME past the app (bench/matters-accounts.sql; bcrypt through the API would take
# minutes), with $token_prefix set; then autovacuum on, as in production.
generate_matters() {
  psql_db -v matters="$1" -f bench/matters-data.sql >/dev/null
  local raisers=$(( $1 / 20 > 0 ? $1 / 20 : 1 ))
  token_prefix="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  psql_db -v prefix="$token_prefix" -v raisers="$raisers" -f bench/matters-accounts.sql >/dev/null
  psql_db -c "VACUUM ANALYZE"
  psql_db -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
}

# token USER PASSWORD: a bearer token from the first node; post PATH JSON: as the admin ($admin).
token() {
  curl -fsS -X POST "${bases[0]}/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg u "$1" --arg p "$2" '{username: $u, password: $p}')" | jq -r .token
}
post() {
  curl -fsS -o /dev/null -X POST "${bases[0]}$1" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$2"
}

# Percent of the machine's CPU time that was idle over one second.
idle_percent() {
  local a b
  a=($(head -n 1 /proc/stat)); sleep 1; b=($(head -n 1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(( total > 0 ? 100 * (b[4] - a[4] + b[5] - a[5]) / total : 0 ))
}

# Before each measurement: waits (at most 60 s) until PostgreSQL runs no query, so that requests
# still in flight in the app when the load stopped (and event listeners still catching up) do not
# eat into the next run; then waits (at most BENCH_QUIET_WAIT, 180 s) until the machine is at least
# 85 % idle, since other work on a shared machine would skew one run against the next.
# Prints the idle percentage it saw last.
settle() {
  local idle
  for _ in $(seq 1 120); do
    [ "$(psql_db -At -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")" = 0 ] && break
    sleep 0.5
  done
  local deadline=$(( $(date +%s) + ${BENCH_QUIET_WAIT:-180} ))
  while :; do
    idle=$(idle_percent)
    [ "$idle" -ge 85 ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { log "Machine still busy (${idle}% idle): measuring anyway"; break; }
  done
  echo "$idle"
}

# wrk's figures from its output: req/s, p99 in ms, socket timeouts, requests, responses not 2xx or 3xx
# (an endpoint that fails under load is a finding: counted, shown, and the run goes on).
wrk_figures() {
  local file=$1
  local rps p99 timeouts requests non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f", v}' "$file")
  timeouts=$(awk '/Socket errors/ {gsub(",", ""); print $NF}' "$file")
  requests=$(awk '/requests in/ {print $1}' "$file")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$file")
  [ -z "$non2xx" ] || log "wrk saw $non2xx responses that were not 2xx or 3xx ($file)"
  echo "${rps:-0} ${p99:-0} ${timeouts:-0} ${requests:-0} ${non2xx:-0}"
}

# pg_stat_statements since the last reset: each statement run at least once per ten requests (or by
# the writes), with its calls per read request and per write, mean execution and planning time, rows.
sql_report() { # file requests writes
  psql_db -P pager=off -c "SELECT round(calls::numeric / GREATEST($2, 1), 3) AS per_request,
      CASE WHEN $3 > 0 THEN round(calls::numeric / $3, 2) END AS per_write,
      round(mean_exec_time::numeric, 3) AS exec_ms, round(mean_plan_time::numeric, 3) AS plan_ms,
      round((total_exec_time + total_plan_time)::numeric) AS total_ms,
      round(rows::numeric / GREATEST(calls, 1), 1) AS rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
    FROM pg_stat_statements WHERE (calls >= $2 / 10 OR ($3 > 0 AND calls >= $3 / 2)) AND query NOT LIKE '%pg_stat%'
    ORDER BY total_exec_time + total_plan_time DESC LIMIT 25" >"$1"
}

# Samples PostgreSQL's client backends twice a second: what the busy ones wait for.
sample_waits() { # file seconds
  local end=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    psql_db -At -c "SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU') || ' ' || left(regexp_replace(query, '\s+', ' ', 'g'), 90)
      FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()" 2>/dev/null || true
    sleep 0.5
  done | sort | uniq -c | sort -rn >"$1"
}

# The connection pools' and the executors' state on each node (Prometheus, as ADMIN).
pool_snapshot() { # file
  local i
  for i in "${!bases[@]}"; do
    echo "# node $i ${bases[$i]}"
    curl -fsS -H "Authorization: Bearer $admin" "${bases[$i]}/actuator/prometheus" 2>/dev/null \
      | grep -E '^(hikaricp_connections_(acquire|usage)_seconds_(sum|count|max)|hikaricp_connections_(active|pending|timeout_total)|executor_(active_threads|queued_tasks|pool_size_threads|completed_tasks_total))' || true
  done >"$1"
}

# profile_begin NAME SECONDS, before a run: resets pg_stat_statements, writes the pools to
# pool-NAME-before.txt and samples PostgreSQL's waits into waits-NAME.txt for the run's length.
# profile_end NAME SQL_FILE REQUESTS WRITES, after it: waits for the sampler, writes the pools to
# pool-NAME-after.txt and the run's SQL to SQL_FILE (sql_report).
profile_begin() {
  psql_db -c "SELECT pg_stat_statements_reset()" >/dev/null
  pool_snapshot "$out/pool-$1-before.txt"
  sample_waits "$out/waits-$1.txt" "$2" &
  profile_sampler=$!
  echo "$profile_sampler" >>"$helpers"
}
profile_end() {
  wait "$profile_sampler" || true
  pool_snapshot "$out/pool-$1-after.txt"
  sql_report "$2" "$3" "$4"
}

# jfr_mark marks the start of a run; jfr_cut NODE LABEL writes what that node recorded since then to
# $out/jfr-LABEL.jfr (after the run, so that attaching to the node costs the run nothing), and the
# run's start and end beside it, since the dump holds whole chunks; jfr_summaries summarises each run
# with bench/JfrTop.java. The mark is kept in a file, since a run is often measured in a subshell and
# cut in the script.
jfr_mark() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ >"$pg_dir/jfr.mark"; }
jfr_cut() {
  [ -n "${BENCH_JFR:-}" ] || return 0
  local begin end
  begin=$(cat "$pg_dir/jfr.mark")
  end=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  echo "$begin $end" >"$out/jfr-$2.range"
  jcmd "${node_pids[$1]}" JFR.dump name=bench begin="$begin" end="$end" \
    filename="$out/jfr-$2.jfr" >/dev/null 2>&1 || log "Could not cut the JFR recording of $2"
}
jfr_summaries() {
  [ -n "${BENCH_JFR:-}" ] || return 0
  local f
  for f in "$out"/jfr-*.jfr; do
    [ -f "$f" ] && java bench/JfrTop.java "$f" 30 $(cat "${f%.jfr}.range") >"${f%.jfr}.txt" 2>&1 || true
  done
}

# Whether other work took more than BENCH_MAX_OTHERS % of the machine during a measurement, with
# attempts left: then the measurement is kept apart and made again, after waiting for quiet.
retries=${BENCH_RETRIES:-2}
disturbed() { # others-percent attempt
  [ "$1" -gt "${BENCH_MAX_OTHERS:-10}" ] && [ "$2" -lt "$retries" ] || return 1
  log "Other work took $1 % of the machine during that measurement: measuring again"
}

median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

# CPU time so far, in clock ticks, written to a file: the clock, the machine's line of /proc/stat, and
# every process's line of /proc/PID/stat.
cpu_snapshot() { # file
  # (cat fails for a process that ends between the glob and the read; the others are still written)
  { date +%s%N; head -n 1 /proc/stat; cat /proc/[0-9]*/stat 2>/dev/null || true; } >"$1"
}
# From two snapshots and the requests served: the machine's busy share; CPU ms per request in the app
# nodes (together) and in our PostgreSQL cluster; and the share of the machine that other work took
# (processes that were neither ours nor our cluster's, such as another developer's test JVM or
# PostgreSQL). What starts and also ends within the measurement is not seen, except our cluster's
# backends: the postmaster's count of its ended children has them, such as those of pgbench.
cpu_figures() { # before after requests [pids of ours to leave out, such as the writer]
  local a=$1 b=$2 q=$3
  shift 3
  awk -v q="$q" -v n="$(nproc)" -v hz="$(getconf CLK_TCK)" -v nodes=" ${node_pids[*]} " -v skip=" $* " \
      -v pm="$(head -n 1 "$pg_dir/data/postmaster.pid")" '
    FNR == 1 { t[FILENAME] = $1; next }
    FNR == 2 { busy[FILENAME] = $2 + $3 + $4 + $7 + $8 + $9; next }
    {
      i = match($0, /\) [A-Za-z] /); if (!i) next
      comm = substr($0, index($0, "(") + 1, i - index($0, "(") - 1)
      split(substr($0, i + 2), f, " ")   # f[1] is the state, the 3rd field of the line; f[2] the parent
      ticks = f[12] + f[13]               # utime and stime, the 14th and 15th fields
      if ($1 == pm) ticks += f[14] + f[15]   # cutime and cstime: its children that ended
      if (FILENAME == ARGV[1]) { before[$1] = ticks; next }
      d = ($1 in before) ? ticks - before[$1] : ticks   # one that started meanwhile: all its time
      if (index(nodes, " " $1 " ")) app += d
      else if (index(skip, " " $1 " ")) next
      else if ($1 == pm || f[2] == pm) pg += d
      else if (comm != "wrk") other += d
    }
    END {
      wall = (t[ARGV[2]] - t[ARGV[1]]) / 1e9; cap = wall * n * hz / 100
      per = 1000 / hz / (q > 0 ? q : 1)
      printf "%.0f %.3f %.3f %.0f", (busy[ARGV[2]] - busy[ARGV[1]]) / cap, app * per, pg * per, other / cap
    }' "$a" "$b"
}

# One line on the machine and the day, for the summary.
machine() {
  echo "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(date -u +%Y-%m-%d)"
}
