#!/usr/bin/env bash
# The speed benchmark of issue 3: with 1,000,000 matters and 2,500,000 handling cases in
# PostgreSQL, a handler's inbox, the supervision board and the public statistics of a big series
# must each serve at least half the requests per second that the constant GET /api/v1/public/ping
# serves in the same run, at the same concurrency.
#
# One script does everything and cleans up after itself: it starts a throwaway PostgreSQL cluster,
# builds and starts the app against it (Flyway creates the schema), creates 200 departments, a
# HANDLER and a SUPERVISOR through the API, generates the data set in PostgreSQL with SQL
# (bench/matters-data.sql), warms up, then runs wrk on 127.0.0.1 against each endpoint in turn,
# ROUNDS times, and prints requests/s, p99 latency and the ratio to ping, with the median of the
# rounds. Every load run is bounded (wrk -d) and the whole script is bounded (BENCH_TIMEOUT).
#
# Settings (environment): BENCH_ROUNDS (3), BENCH_DURATION (20s), BENCH_THREADS (2),
# BENCH_CONNECTIONS (16), BENCH_WARMUP (20s per endpoint), BENCH_SKIP_BUILD=1 to reuse
# target/*.jar, BENCH_EXPLAIN=1 to also write EXPLAIN ANALYZE of the endpoints' SQL,
# BENCH_KEEP=1 to leave the cluster and the app running at the end for profiling (then stop
# them yourself: the script prints how), BENCH_OUT (bench/out) for the logs and results.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BENCH_UNDER_TIMEOUT:-}" ]; then
  # The whole run is bounded: past BENCH_TIMEOUT it is stopped and cleans up.
  exec env BENCH_UNDER_TIMEOUT=1 timeout --foreground -k 30s "${BENCH_TIMEOUT:-45m}" "$0" "$@"
fi

rounds=${BENCH_ROUNDS:-3}
duration=${BENCH_DURATION:-20s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
warmup=${BENCH_WARMUP:-20s}
out=${BENCH_OUT:-bench/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v wrk >/dev/null || missing+=(wrk)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# --- a throwaway PostgreSQL cluster, as scripts/test-all.sh starts one
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/civicdesk-bench-pg.XXXXXX)
pg_port=$(free_port 56432)
run_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; its Debian package brings the 'postgres' user.
  chown postgres "$pg_dir"
  run_pg() { runuser -u postgres -- "$@"; }
fi
app_pid=
cleanup() {
  local rc=$?
  if [ -n "${BENCH_KEEP:-}" ] && [ "$rc" -eq 0 ]; then
    log "Left running (BENCH_KEEP): app pid $app_pid on 127.0.0.1:$app_port, PostgreSQL in $pg_dir on port $pg_port."
    log "Stop them with: kill $app_pid; runuser -u postgres -- $pg_bin/pg_ctl -D $pg_dir/data -m fast stop; rm -rf $pg_dir"
    return
  fi
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  cp "$pg_dir/server.log" "$out/postgresql.log" 2>/dev/null || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U civicdesk -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
# Durability is off only to load the data set quickly; the measured requests are reads. The rest
# is a modest production-like setting for a 24 GiB machine.
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=100 \
      -c shared_buffers=2GB -c effective_cache_size=8GB -c maintenance_work_mem=1GB -c work_mem=16MB \
      -c max_wal_size=8GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c autovacuum=off -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on" \
  >/dev/null
run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U civicdesk civicdesk
psql_db() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U civicdesk -d civicdesk -v ON_ERROR_STOP=1 "$@"; }
# What SQL each endpoint runs, how often per request and at what cost: written after round 1.
psql_db -c "CREATE EXTENSION pg_stat_statements"
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

# --- the app
if [ -z "${BENCH_SKIP_BUILD:-}" ] || ! compgen -G "target/civicdesk-*.jar" >/dev/null; then
  log "Building the app jar"
  mvn -B -q -DskipTests package
fi
# The app runs from a copy, so that a build during the run cannot pull the jar from under it.
jar="$pg_dir/civicdesk.jar"
cp "$(ls target/civicdesk-*.jar | grep -v original | head -n 1)" "$jar"
app_port=$(free_port 18080)
admin_password="bench-admin-$(date +%s)"
log "Starting the app (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)) on 127.0.0.1:$app_port"
SPRING_PROFILES_ACTIVE=postgres \
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/civicdesk" \
SPRING_DATASOURCE_USERNAME=civicdesk SPRING_DATASOURCE_PASSWORD=civicdesk \
CIVICDESK_DEMO_ENABLED=false CIVICDESK_ADMIN_PASSWORD="$admin_password" \
SERVER_ADDRESS=127.0.0.1 PORT="$app_port" \
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" >"$out/app.log" 2>&1 &
app_pid=$!
base="http://127.0.0.1:$app_port"
for i in $(seq 1 120); do
  curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$out/app.log" >&2; log "The app did not start"; exit 1; }
  sleep 1
  [ "$i" -lt 120 ] || { log "The app was not healthy after 120 s"; exit 1; }
done
log "App is up"

token() {
  curl -fsS -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg u "$1" --arg p "$2" '{username: $u, password: $p}')" | jq -r .token
}
admin=$(token admin "$admin_password")
post() {
  curl -fsS -o /dev/null -X POST "$base$1" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$2"
}

log "Creating 200 departments, a HANDLER of dept-001 and a SUPERVISOR through the API"
for n in $(seq 1 200); do
  code=$(printf 'dept-%03d' "$n")
  post /api/v1/orgs "{\"code\":\"$code\",\"name\":\"示例部门 $n\",\"kind\":\"GOVERNMENT\"}"
done
password=bench-password-1
post /api/v1/accounts "{\"username\":\"bench-handler\",\"password\":\"$password\",\"displayName\":\"Bench handler\",\"roles\":[\"HANDLER\"],\"orgCode\":\"dept-001\"}"
post /api/v1/accounts "{\"username\":\"bench-supervisor\",\"password\":\"$password\",\"displayName\":\"Bench supervisor\",\"roles\":[\"SUPERVISOR\"]}"

log "Generating 1,000,000 matters and 2,500,000 cases in PostgreSQL"
start=$(date +%s)
psql_db -f bench/matters-data.sql >/dev/null
psql_db -c "VACUUM ANALYZE"
log "Data set ready in $(( $(date +%s) - start )) s: $(psql_db -At -c "SELECT (SELECT count(*) FROM matter) || ' matters, ' || (SELECT count(*) FROM handling_case) || ' cases, ' || (SELECT count(*) FROM handling_case WHERE org_code = 'dept-001' AND status IN ('ASSIGNED','SIGNED','REHANDLING')) || ' pending cases of dept-001, ' || (SELECT count(*) FROM matter WHERE series_slug = 'npc-16') || ' matters in npc-16'")"

handler=$(token bench-handler "$password")
supervisor=$(token bench-supervisor "$password")

# board50 is the board with 50 lines per list, the API's default before it became 20: for comparison.
names=(ping inbox board stats board50)
paths=(/api/v1/public/ping /api/v1/cases /api/v1/supervision/board "/api/v1/public/stats/matters?series=npc-16"
  "/api/v1/supervision/board?limit=50")
auths=("" "$handler" "$supervisor" "" "$supervisor")

# Each endpoint answers 200 with what it should before it is measured.
for k in "${!names[@]}"; do
  hdr=(); [ -z "${auths[$k]}" ] || hdr=(-H "Authorization: Bearer ${auths[$k]}")
  body=$(curl -fsS "${hdr[@]}" "$base${paths[$k]}")
  case ${names[$k]} in
    inbox) summary=$(jq -c '{total, items: (.items | length), first: .items[0].dueDate}' <<<"$body") ;;
    board*) summary="$(jq -c 'with_entries(.value |= length)' <<<"$body"), $(wc -c <<<"$body") bytes" ;;
    *) summary=$(head -c 200 <<<"$body") ;;
  esac
  log "GET ${paths[$k]}: $summary"
done

if [ -n "${BENCH_EXPLAIN:-}" ]; then
  log "Writing EXPLAIN ANALYZE of the endpoints' SQL to $out/explain.txt"
  psql_db -f bench/matters-explain.sql >"$out/explain.txt" 2>&1 || true
fi

# Percent of the machine's CPU time that was idle over one second.
idle_percent() {
  local a b
  a=($(head -n 1 /proc/stat)); sleep 1; b=($(head -n 1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(( total > 0 ? 100 * (b[4] - a[4] + b[5] - a[5]) / total : 0 ))
}

# Before each measurement: waits (at most 60 s) until PostgreSQL runs no query, so that requests
# still in flight in the app when wrk stopped do not eat into the next run; then waits (at most
# BENCH_QUIET_WAIT, 180 s) until the machine is at least 85 % idle, since other work on a shared
# machine would skew one run against the next. Prints the idle percentage it saw last.
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

run_wrk() { # name path auth duration label -> prints "rps p99_ms timeouts idle_before"
  local hdr=() file="$out/wrk-$1-$5.txt" idle
  [ -z "$3" ] || hdr=(-H "Authorization: Bearer $3")
  idle=$(settle)
  timeout 120 wrk -t"$threads" -c"$connections" -d"$4" --timeout 10s --latency "${hdr[@]}" "$base$2" >"$file"
  if grep -q -e "Non-2xx" "$file"; then
    log "wrk saw error responses for $1:"; cat "$file" >&2; exit 1
  fi
  local rps p99 timeouts
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f", v}' "$file")
  timeouts=$(awk '/Socket errors/ {gsub(",", ""); print $NF}' "$file")
  echo "$rps $p99 ${timeouts:-0} $idle"
}

log "Warming up: $warmup per endpoint"
for k in "${!names[@]}"; do run_wrk "${names[$k]}" "${paths[$k]}" "${auths[$k]}" "$warmup" warmup >/dev/null; done

results="$out/results.tsv"
printf 'round\tendpoint\trps\tp99_ms\tratio_to_ping\ttimeouts\tidle_before\n' >"$results"
for r in $(seq 1 "$rounds"); do
  ping_rps=
  for k in "${!names[@]}"; do
    psql_db -c "SELECT pg_stat_statements_reset()" >/dev/null
    read -r rps p99 timeouts idle < <(run_wrk "${names[$k]}" "${paths[$k]}" "${auths[$k]}" "$duration" "round$r")
    if [ "$r" = 1 ]; then
      requests=$(awk '/requests in/ {print $1}' "$out/wrk-${names[$k]}-round1.txt")
      psql_db -P pager=off -c "SELECT round(calls::numeric / GREATEST($requests, 1), 2) AS per_request,
          round(mean_exec_time::numeric, 3) AS exec_ms, round(mean_plan_time::numeric, 3) AS plan_ms,
          round(rows::numeric / GREATEST(calls, 1), 1) AS rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS query
        FROM pg_stat_statements WHERE calls >= $requests / 10 AND query NOT LIKE '%pg_stat%'
        ORDER BY total_exec_time + total_plan_time DESC LIMIT 15" >"$out/sql-${names[$k]}.txt"
    fi
    [ -n "$ping_rps" ] || ping_rps=$rps
    ratio=$(awk -v a="$rps" -v b="$ping_rps" 'BEGIN {printf "%.2f", a / b}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "${names[$k]}" "$rps" "$p99" "$ratio" "$timeouts" "$idle" >>"$results"
    log "round $r ${names[$k]}: $rps req/s, p99 $p99 ms, ratio to ping $ratio, timeouts (10 s) $timeouts, machine ${idle}% idle before"
  done
done

median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
{
  echo
  echo "Median of $rounds rounds (wrk -t$threads -c$connections -d$duration on 127.0.0.1; ratio = the endpoint's req/s over ping's in the same round):"
  printf '%-8s %-48s %12s %10s %14s %8s\n' endpoint path req/s p99_ms ratio_to_ping goal
  for k in "${!names[@]}"; do
    n=${names[$k]}
    rps=$(awk -F'\t' -v n="$n" '$2 == n {print $3}' "$results" | median)
    p99=$(awk -F'\t' -v n="$n" '$2 == n {print $4}' "$results" | median)
    ratio=$(awk -F'\t' -v n="$n" '$2 == n {print $5}' "$results" | median)
    goal=$(awk -v r="$ratio" -v n="$n" 'BEGIN {print (n == "ping" || n == "board50") ? "-" : (r >= 0.5 ? "met" : "MISSED")}')
    printf '%-8s %-48s %12s %10s %14s %8s\n' "$n" "${paths[$k]}" "$rps" "$p99" "$ratio" "$goal"
  done
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(date -u +%Y-%m-%d); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$out/summary.txt"
