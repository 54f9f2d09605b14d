#!/usr/bin/env bash
# The search benchmark of issue 12: GET /api/v1/public/search over the demo city and 100,000
# generated public matters (BENCH_MATTERS sets another size) in PostgreSQL, while matters are being
# answered, against GET /api/v1/public/ping in the same round at the same concurrency. Goal: search
# req/s >= 0.3 x ping, p99 <= 100 ms.
#
# Two app nodes on the same PostgreSQL, as a deployment runs them: node a loads the demo city and is
# the one measured; during each search run bench/MatterWriter.java answers matters through both
# nodes (BENCH_WRITE_RATE answers a second, 5 by default), so that node a's index follows answers
# written on either node while it serves searches. wrk reads bench/search.lua's queries in turn (the
# demo city's names, the generated matters' words, some with a kind).
#
# Checked, and a failure ends the script non-zero: before measuring, the demo city's queries find
# what a reader expects first (早餐会 the series page, 水痘 the alert); after each search run, the
# matter the writer answered last is found on node a by its number (its title's 示例 N), whichever
# node answered it; and once per round an answer written on node b is looked for on node a until
# found: the time that took (answer to hit) is in the results, and must be under BENCH_FRESH_MS
# (5000 ms).
#
# One script does everything and cleans up after itself: a throwaway PostgreSQL cluster, the app jar
# built and started against it, 200 departments through the API, the matters generated in SQL by
# bench/matters-data.sql (about 84 % of them answered and so public) with the writer's accounts
# (bench/matters-accounts.sql), then the search brought in line with them through the
# administrators' rebuild (POST /api/v1/search/rebuild, timed), as it would after a bulk import.
#
# Settings (environment): BENCH_MATTERS (100000), BENCH_ROUNDS (3), BENCH_DURATION (20s),
# BENCH_THREADS (2), BENCH_CONNECTIONS (16), BENCH_WARMUP (20s of ping and of search),
# BENCH_WRITE_RATE (5), BENCH_WRITE_THREADS (8), BENCH_FRESH_MS (5000), BENCH_SKIP_BUILD=1 to reuse
# target/*.jar, BENCH_QUIET_WAIT (180 s), BENCH_MAX_OTHERS (10) and BENCH_RETRIES (2) as in
# bench/matters.sh, BENCH_KEEP=1 to leave the cluster and the app nodes running at the end,
# BENCH_OUT (bench/out/search) for the logs and results, BENCH_TIMEOUT (60m), BENCH_START_WAIT (180 s,
# for each node to report UP and for the demo city to load), BENCH_JFR=1 to record node a with JFR
# (round 1's ping and search runs are cut out and summarised by bench/JfrTop.java, beside the SQL
# each run ran, sql-ping.txt and sql-search.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_bounded 60m "$@"

matters=${BENCH_MATTERS:-100000}
bench_settings 16
write_rate=${BENCH_WRITE_RATE:-5}
write_threads=${BENCH_WRITE_THREADS:-8}
fresh_ms=${BENCH_FRESH_MS:-5000}
goal=0.3
p99_goal=100
bench_out bench/out/search
rm -f "$out"/wrk-*.txt "$out"/writer-*.txt "$out"/sql-*.txt "$out"/waits-*.txt "$out"/pool-*.txt "$out"/jfr-*

need java openjdk-17-jdk-headless mvn maven wrk wrk jq jq curl curl
install_missing

die() { log "$*"; exit 1; }
fail() { die "CHECK FAILED: $*"; }

# As bench/matters.sh: durability off only to load the data set quickly, autovacuum on once it is
# loaded, since the writer updates rows.
start_postgres "-c shared_buffers=1GB -c effective_cache_size=4GB -c maintenance_work_mem=512MB -c work_mem=16MB \
  -c max_wal_size=4GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off"

build_app
BENCH_DEMO=true start_node a true
base=${bases[0]}
# search URL QUERY [KIND]: the hits' urls, one a line.
search() {
  curl -fsS -G "$1/api/v1/public/search" --data-urlencode "q=$2" ${3:+--data-urlencode "kind=$3"} | jq -r '.hits[].url'
}
# The demo city loads after the node reports UP; the data set is numbered after its matters and
# cases, so it is generated once the demo's last step has committed (its marker, as OnceOnly writes
# it) and the search has its notices. Bounded by BENCH_START_WAIT, as the start.
log "Waiting for the demo city"
deadline=$(( $(date +%s) + ${BENCH_START_WAIT:-180} ))
until [ "$(psql_db -At -c "SELECT count(*) FROM app_marker WHERE name = 'demo.projectMeetings'")" = 1 ] \
    && [ -n "$(search "$base" 水痘 NOTICE 2>/dev/null)" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "The demo city was not loaded and searchable after ${BENCH_START_WAIT:-180} s"
  sleep 1
done
log "The demo city is in"
# The second node starts before the data set exists, as in bench/matters.sh: a node's start checks
# the search's copy against every module, which for 100,000 answers written past the app takes long.
start_node b false
admin=$(token admin "$admin_password")

log "Creating 200 departments and a HANDLER through the API"
for n in $(seq 1 200); do
  post /api/v1/orgs "{\"code\":\"$(printf 'dept-%03d' "$n")\",\"name\":\"示例部门 $n\",\"kind\":\"GOVERNMENT\"}"
done
# The writer's accounts (bench/matters-accounts.sql) get this account's password hash, as in bench/matters.sh.
post /api/v1/accounts "{\"username\":\"bench-handler\",\"password\":\"bench-password-1\",\"displayName\":\"Bench handler\",\"roles\":[\"HANDLER\"],\"orgCode\":\"dept-001\"}"

log "Generating $matters matters in PostgreSQL"
start=$(date +%s)
generate_matters "$matters"
log "Data set ready in $(( $(date +%s) - start )) s"

log "Bringing the search in line with the modules (POST /api/v1/search/rebuild)"
start=$(date +%s)
rebuilt=$(curl -fsS --max-time 3000 -X POST "$base/api/v1/search/rebuild" -H "Authorization: Bearer $admin")
rebuild_s=$(( $(date +%s) - start ))
documents=$(psql_db -At -c "SELECT count(*) FROM search_document WHERE NOT withdrawn")
log "Rebuilt in $rebuild_s s: $rebuilt; $documents public documents"

log "Checking what the demo city's queries find first"
first() { search "$base" "$1" | head -n 1; }
[ "$(first 早餐会)" = /public/series/breakfast ] || fail "早餐会 first finds $(first 早餐会), not the series page"
[[ "$(first 水痘)" == /public/notices/* ]] || fail "水痘 first finds $(first 水痘), not the alert"
[[ "$(search "$base" 营商环境 ANSWER | head -n 1)" == /public/answers/* ]] || fail "the generated answers are not found"

work="$pg_dir/work"
mkdir -p "$work"
: >"$work/sign.tsv"
: >"$work/rate.tsv"
# The answers the writer may write, as the data stands now: SIGNED lead cases of matters IN_PROGRESS,
# in the generated departments dept-NNN, whose handlers it has tokens for (not the demo city's).
export_answers() {
  psql_db -At -c "COPY (SELECT c.id, c.matter_id, c.org_code FROM handling_case c JOIN matter m ON m.id = c.matter_id
      WHERE c.status = 'SIGNED' AND c.role = 'LEAD' AND m.status = 'IN_PROGRESS' AND c.org_code LIKE 'dept-%'
      ORDER BY c.id) TO STDOUT" >"$work/answer.tsv"
}
writer_value() { awk -F= -v k="$1" '$1 == k {print $2}' "$2"; }

# The matter answered last, found on node a by its number: after a search run.
check_last_answer() {
  local matter
  matter=$(psql_db -At -c "SELECT matter_id FROM handling_case WHERE answer LIKE '%基准测试%' ORDER BY answered_at DESC, id DESC LIMIT 1")
  [ -n "$matter" ] || fail "the writer answered nothing"
  search "$base" "示例 $matter" ANSWER | grep -qx "/public/answers/$matter" \
    || fail "matter $matter, answered during the run, is not found on node a"
}

# fresh_ms: answers one more matter on node b as its department's handler and looks for it on node a
# until found; prints how long that took from the answer's response, in ms.
fresh() {
  local case_id matter org t0 now
  export_answers
  read -r case_id matter org < <(tail -n 1 "$work/answer.tsv")
  [ -n "$case_id" ] || fail "no matter left to answer"
  [ -z "$(search "$base" "示例 $matter" ANSWER | grep -x "/public/answers/$matter")" ] || fail "matter $matter found before it was answered"
  curl -fsS -o /dev/null -X POST "${bases[1]}/api/v1/cases/$case_id/answer" \
    -H "Authorization: Bearer $token_prefix-bench-h-${org##*-}" -H 'Content-Type: application/json' \
    -d '{"category":"A","text":"答复（基准测试示例）：经研究已办理完毕。","signedOffBy":"局长（示例）"}'
  t0=$(date +%s%3N)
  while :; do
    search "$base" "示例 $matter" ANSWER | grep -qx "/public/answers/$matter" && break
    now=$(date +%s%3N)
    [ $(( now - t0 )) -lt "$fresh_ms" ] || fail "matter $matter, answered on node b, not found on node a after $fresh_ms ms"
    sleep 0.05
  done
  echo $(( $(date +%s%3N) - t0 ))
}

# measure WHAT DURATION LABEL: one wrk run against node a after waiting for quiet; for search, the
# writer answers during it. Prints "rps p99_ms timeouts requests not_2xx idle busy app_ms pg_ms others answers_per_s".
measure() {
  local what=$1 dur=$2 label=$3 file="$out/wrk-$1-$3.txt" wfile="$out/writer-$3.txt" writer_pid= idle figures
  rm -f "$work/ready" "$work/go"
  if [ "$what" = search ]; then
    export_answers
    java bench/MatterWriter.java --nodes "${bases[0]},${bases[1]}" --prefix "$token_prefix" --work "$work" \
      --rate "$write_rate" --duration "$(seconds "$dur")" --threads "$write_threads" --mix 0:1:0 \
      --ready "$work/ready" --go "$work/go" --go-timeout $(( ${BENCH_QUIET_WAIT:-180} + 300 )) >"$wfile" 2>&1 &
    writer_pid=$!
    echo "$writer_pid" >>"$helpers"
    for _ in $(seq 1 240); do [ -f "$work/ready" ] || ! kill -0 "$writer_pid" 2>/dev/null && break; sleep 0.5; done
    [ -f "$work/ready" ] || { cat "$wfile" >&2; die "The writer did not get ready"; }
  fi
  idle=$(settle)
  # The first round's runs are profiled: the SQL each request runs (pg_stat_statements) and, with
  # BENCH_JFR, where node a spent its CPU.
  local profiled=
  [[ "$label" != round1-* ]] || { profiled=1; profile_begin "$what" "$(seconds "$dur")"; jfr_mark; }
  cpu_snapshot "$pg_dir/cpu-0"
  touch "$work/go"
  if [ "$what" = search ]; then
    timeout $(( $(seconds "$dur") + 60 )) wrk -t"$threads" -c"$connections" -d"$dur" --timeout 10s --latency -s bench/search.lua "$base" >"$file" \
      || die "wrk failed on search ($file)"
  else
    timeout $(( $(seconds "$dur") + 60 )) wrk -t"$threads" -c"$connections" -d"$dur" --timeout 10s --latency "$base/api/v1/public/ping" >"$file" \
      || die "wrk failed on ping ($file)"
  fi
  cpu_snapshot "$pg_dir/cpu-1"
  figures=$(wrk_figures "$file")
  local answers=0
  if [ -n "$writer_pid" ]; then
    wait "$writer_pid" || true
    grep -q '^achieved_rate=' "$wfile" || { cat "$wfile" >&2; die "The writer gave no report"; }
    answers=$(writer_value achieved_rate "$wfile")
    [ "$(writer_value errors "$wfile")" = 0 ] || log "The writer saw errors ($wfile)"
  fi
  local requests
  read -r _ _ _ requests _ <<<"$figures"
  if [ -n "$profiled" ]; then
    jfr_cut 0 "$what"
    profile_end "$what" "$out/sql-$what.txt" "$requests" "$(awk -v r="$answers" -v d="$(seconds "$dur")" 'BEGIN {printf "%d", r * d}')"
  fi
  echo "$figures $idle $(cpu_figures "$pg_dir/cpu-0" "$pg_dir/cpu-1" "$requests" $writer_pid) $answers"
}

results="$out/results.tsv"
printf 'round\twhat\tper_s\tp99_ms\tratio\ttimeouts\trequests\tnot_2xx\tidle_before\tcpu_busy_pct\tapp_cpu_ms\tpg_cpu_ms\tothers_busy_pct\tanswers_per_s\tfresh_ms\n' >"$results"

log "Warming up: $warmup of ping, then of search with the writer"
measure ping "$warmup" warmup >/dev/null
measure search "$warmup" warmup >/dev/null
check_last_answer

for r in $(seq 1 "$rounds"); do
  ping_rps=
  for what in ping search; do
    for attempt in $(seq 0 "$retries"); do
      answers=
      read -r rps p99 timeouts requests not2xx idle busy app_ms pg_ms others answers < <(measure "$what" "$duration" "round$r-$attempt") || true
      [ -n "${answers:-}" ] || die "Measuring $what failed (see above)"
      disturbed "$others" "$attempt" || break
    done
    [ -n "$ping_rps" ] || ping_rps=$rps
    ratio=$(ratio "$rps" "$ping_rps")
    fresh=
    if [ "$what" = search ]; then
      check_last_answer
      fresh=$(fresh)
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$what" "$rps" "$p99" "$ratio" "$timeouts" "$requests" \
      "$not2xx" "$idle" "$busy" "$app_ms" "$pg_ms" "$others" "$answers" "$fresh" >>"$results"
    log "round $r $what: $rps req/s, p99 $p99 ms, ratio to ping $ratio, timeouts (10 s) $timeouts, not 2xx $not2xx;" \
      "machine ${idle}% idle before, ${busy}% busy, other work ${others}%; CPU per request: app $app_ms ms, PostgreSQL $pg_ms ms" \
      "${fresh:+; answers written $answers/s; an answer on node b found on node a after $fresh ms}"
  done
done

{
  echo "Search benchmark (issue 12), commit $commit, $(machine)"
  echo "$matters generated matters plus the demo city: $documents public documents; rebuild through the API took $rebuild_s s"
  echo "wrk: $threads threads, $connections connections, $duration per run, $rounds rounds; writer $write_rate answers/s on both nodes"
  median_of() { awk -F'\t' -v w="$1" -v c="$2" 'NR > 1 && $2 == w {print $c}' "$results" | median; }
  m_ratio=$(median_of search 5)
  m_p99=$(median_of search 4)
  echo "ping: median $(median_of ping 3) req/s; search: median $(median_of search 3) req/s, p99 $m_p99 ms, ratio $m_ratio (goal >= $goal, p99 <= $p99_goal ms)"
  echo "an answer written on node b found by a search on node a after (ms, per round): $(awk -F'\t' 'NR > 1 && $2 == "search" {printf "%s ", $15}' "$results")"
  awk -v r="$m_ratio" -v p="$m_p99" -v g="$goal" -v pg="$p99_goal" 'BEGIN {print ((r >= g && p <= pg) ? "GOAL MET" : "GOAL NOT MET")}'
} | tee "$out/summary.txt"
jfr_summaries
