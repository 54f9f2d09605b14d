#!/usr/bin/env bash
# The speed benchmark of issues 3 and 7, with 1,000,000 matters and 2,500,000 handling cases in
# PostgreSQL (BENCH_MATTERS sets another size):
#
# * read-only (issue 3): one app node; a handler's inbox, the supervision board and the public
#   statistics of a big series must each serve at least half the requests per second that the
#   constant GET /api/v1/public/ping serves in the same round, at the same concurrency.
# * mixed (issue 7): two app nodes on the same PostgreSQL, reads spread over both (two wrk, one per
#   node, each with half the connections); while the inbox, the board or the statistics is read, a
#   second load generator (bench/MatterWriter.java) signs, answers and rates through the API at 5 % of
#   that endpoint's read-only request rate, spread over all 200 departments, and checks after each
#   write that the writer reads its own change on the other node. Goal: inbox >= 0.3 x ping, board
#   >= 0.15 x ping, statistics >= 0.5 x ping, each p99 <= 50 ms, with no read-your-writes violation.
#
# One script does everything and cleans up after itself: it starts a throwaway PostgreSQL cluster,
# builds and starts the app against it (Flyway creates the schema), creates 200 departments, a
# HANDLER and a SUPERVISOR through the API, generates the data set in PostgreSQL with SQL
# (bench/matters-data.sql) and the write generator's accounts and tokens (bench/matters-accounts.sql),
# warms up, then measures round after round with wrk on 127.0.0.1 and prints requests/s, p99 latency
# and the ratio to ping, with the median of the rounds. Every load run is bounded (wrk -d, the
# writer's --duration) and the whole script is bounded (BENCH_TIMEOUT).
#
# Settings (environment): BENCH_MATTERS (1000000), BENCH_ROUNDS (3), BENCH_DURATION (20s),
# BENCH_THREADS (2), BENCH_CONNECTIONS (16), BENCH_WARMUP (20s per endpoint), BENCH_READONLY (1) and
# BENCH_MIXED (1) to run either part, BENCH_WRITE_SHARE (0.05: writes per read request measured
# read-only) or BENCH_WRITE_RATE (writes/s, fixed), BENCH_WRITE_THREADS (32), BENCH_WRITE_MIX
# (1:1:1, sign:answer:rate), BENCH_SKIP_BUILD=1 to reuse target/*.jar, BENCH_EXPLAIN=1 for EXPLAIN
# ANALYZE of the endpoints' SQL, BENCH_JFR=1 to record the app nodes with JFR (each endpoint's
# round-1 run is cut out and summarised by bench/JfrTop.java),
# BENCH_QUIET_WAIT (180 s), BENCH_MAX_OTHERS (10: a measurement during which other work took more
# than this % of the machine is made again, up to BENCH_RETRIES (2) times), BENCH_KEEP=1 to leave the cluster and the app nodes running at the end
# (the script prints how to stop them), BENCH_OUT (bench/out) for the logs and results,
# BENCH_TIMEOUT (100m).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_bounded 100m "$@"

matters=${BENCH_MATTERS:-1000000}
bench_settings 16
readonly_run=${BENCH_READONLY:-1}
mixed_run=${BENCH_MIXED:-1}
write_share=${BENCH_WRITE_SHARE:-0.05}
write_threads=${BENCH_WRITE_THREADS:-32}
write_mix=${BENCH_WRITE_MIX:-1:1:1}
bench_out bench/out
rm -f "$out"/wrk-*.txt "$out"/writer-*.txt "$out"/sql-*.txt "$out"/waits-*.txt "$out"/pool-*.txt "$out"/jfr-*

need java openjdk-17-jdk-headless mvn maven wrk wrk jq jq curl curl
install_missing

# Durability is off only to load the data set quickly (and the machine has one disk for everyone);
# autovacuum is off while loading and on once the data set is vacuumed, as in production, since the
# mixed run updates rows. The rest is a modest production-like setting for a 24 GiB machine.
start_postgres "-c shared_buffers=2GB -c effective_cache_size=8GB -c maintenance_work_mem=1GB -c work_mem=16MB \
  -c max_wal_size=8GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off"

# --- the app
build_app
start_node a true
base=${bases[0]}
# The second node starts now too, before the data set exists, as the first does: a node that starts on
# a database checks the search's copy of every public document against the modules (SearchRebuild),
# and the data set's 850,000 published answers, written past the app, would keep it busy for a long
# time. It serves nothing in the read-only run (no scheduled jobs, no requests).
[ "$mixed_run" != 1 ] || start_node b false
admin=$(token admin "$admin_password")

log "Creating 200 departments, a HANDLER of dept-001 and a SUPERVISOR through the API"
for n in $(seq 1 200); do
  code=$(printf 'dept-%03d' "$n")
  post /api/v1/orgs "{\"code\":\"$code\",\"name\":\"示例部门 $n\",\"kind\":\"GOVERNMENT\"}"
done
password=bench-password-1
post /api/v1/accounts "{\"username\":\"bench-handler\",\"password\":\"$password\",\"displayName\":\"Bench handler\",\"roles\":[\"HANDLER\"],\"orgCode\":\"dept-001\"}"
post /api/v1/accounts "{\"username\":\"bench-supervisor\",\"password\":\"$password\",\"displayName\":\"Bench supervisor\",\"roles\":[\"SUPERVISOR\"]}"

log "Generating $matters matters and $(( matters * 5 / 2 )) cases in PostgreSQL"
start=$(date +%s)
generate_matters "$matters"
log "Data set ready in $(( $(date +%s) - start )) s: $(psql_db -At -c "SELECT (SELECT count(*) FROM matter) || ' matters, ' || (SELECT count(*) FROM handling_case) || ' cases, ' || (SELECT count(*) FROM handling_case WHERE org_code = 'dept-001' AND status IN ('ASSIGNED','SIGNED','REHANDLING')) || ' pending cases of dept-001, ' || (SELECT count(*) FROM matter WHERE series_slug = 'npc-16') || ' matters in npc-16, ' || (SELECT count(*) FROM account) || ' accounts'")"

handler=$(token bench-handler "$password")
supervisor=$(token bench-supervisor "$password")

# board50 is the board with 50 lines per list, the API's default before it became 20: for comparison.
names=(ping inbox board stats board50)
paths=(/api/v1/public/ping /api/v1/cases /api/v1/supervision/board "/api/v1/public/stats/matters?series=npc-16"
  "/api/v1/supervision/board?limit=50")
auths=("" "$handler" "$supervisor" "" "$supervisor")
# Goals: read-only (issue 3) half of ping for each; mixed (issue 7) per endpoint, and p99 <= 50 ms.
declare -A goal_ro=([inbox]=0.5 [board]=0.5 [stats]=0.5)
declare -A goal_mixed=([inbox]=0.3 [board]=0.15 [stats]=0.5)
p99_goal=50

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

results="$out/results.tsv"
printf 'run\tround\tendpoint\trps\tp99_ms\tratio_to_ping\ttimeouts\tidle_before\twrite_target\twrite_rate\tryw_checks\tryw_violations\tothers_checks\tothers_stale\twrite_errors\tevents_pending\tcpu_busy_pct\tapp_cpu_ms_per_req\tpg_cpu_ms_per_req\tnot_2xx\tothers_busy_pct\n' >"$results"

# --- the read-only run: one node, as in issue 3
run_wrk() { # name path auth duration label -> prints "rps p99_ms timeouts idle_before requests busy app_ms pg_ms others not_2xx"
  local hdr=() file="$out/wrk-ro-$1-$5.txt" idle
  [ -z "$3" ] || hdr=(-H "Authorization: Bearer $3")
  idle=$(settle)
  cpu_snapshot "$pg_dir/cpu-0"
  timeout 120 wrk -t"$threads" -c"$connections" -d"$4" --timeout 10s --latency "${hdr[@]}" "$base$2" >"$file"
  cpu_snapshot "$pg_dir/cpu-1"
  local rps p99 timeouts requests non2xx
  read -r rps p99 timeouts requests non2xx < <(wrk_figures "$file")
  echo "$rps $p99 $timeouts $idle $requests $(cpu_figures "$pg_dir/cpu-0" "$pg_dir/cpu-1" "$requests") $non2xx"
}

if [ "$readonly_run" = 1 ]; then
  log "Read-only run, one node: warming up, $warmup per endpoint"
  for k in "${!names[@]}"; do run_wrk "${names[$k]}" "${paths[$k]}" "${auths[$k]}" "$warmup" warmup >/dev/null; done
  for r in $(seq 1 "$rounds"); do
    ping_rps=
    for k in "${!names[@]}"; do
      n=${names[$k]}
      for attempt in $(seq 0 "$retries"); do
        non2xx=
        psql_db -c "SELECT pg_stat_statements_reset()" >/dev/null
        jfr_mark
        read -r rps p99 timeouts idle requests busy app_ms pg_ms others non2xx < <(run_wrk "$n" "${paths[$k]}" "${auths[$k]}" "$duration" "round$r") || true
        [ -n "${non2xx:-}" ] || { log "Measuring $n failed (see above)"; exit 1; }
        disturbed "$others" "$attempt" || break
        printf 'readonly-disturbed\t%s\t%s\t%s\t%s\t\t%s\t%s\t\t\t\t\t\t\t\t\t%s\t%s\t%s\t%s\t%s\n' "$r" "$n" "$rps" "$p99" "$timeouts" "$idle" \
          "$busy" "$app_ms" "$pg_ms" "$non2xx" "$others" >>"$results"
      done
      [ "$r" != 1 ] || { jfr_cut 0 "ro-$n"; sql_report "$out/sql-ro-$n.txt" "$requests" 0; }
      [ -n "$ping_rps" ] || ping_rps=$rps
      ratio=$(ratio "$rps" "$ping_rps")
      printf 'readonly\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\t\t\t\t\t\t\t%s\t%s\t%s\t%s\t%s\n' "$r" "$n" "$rps" "$p99" "$ratio" "$timeouts" "$idle" \
        "$busy" "$app_ms" "$pg_ms" "$non2xx" "$others" >>"$results"
      log "read-only round $r $n: $rps req/s, p99 $p99 ms, ratio to ping $ratio, timeouts (10 s) $timeouts, machine ${idle}% idle before, ${busy}% busy during, other work ${others}%; CPU per request: app $app_ms ms, PostgreSQL $pg_ms ms"
    done
  done
fi

# --- the mixed run: two nodes, reads spread over both, writes during each measurement
if [ "$mixed_run" = 1 ]; then
  half_threads=$(( threads / 2 > 0 ? threads / 2 : 1 ))
  half_connections=$(( connections / 2 > 0 ? connections / 2 : 1 ))
  # Besides the three endpoints and ping: ping-w is ping under the inbox's writes (what the writes take
  # from the machine), and writes is the write generator alone, with no reads, asked for
  # BENCH_WRITE_MAX writes/s (what the write path sustains by itself).
  mixed_names=(ping inbox board stats ping-w writes)
  mixed_paths=(/api/v1/public/ping /api/v1/cases /api/v1/supervision/board "/api/v1/public/stats/matters?series=npc-16"
    /api/v1/public/ping "")
  mixed_auths=("" "$handler" "$supervisor" "" "" "")
  # The writes during each measurement: BENCH_WRITE_SHARE of the endpoint's median read-only req/s (ping-w,
  # ping under writes, gets the inbox's rate); ping itself is measured without writes, as the reference.
  declare -A write_rate
  for k in "${!mixed_names[@]}"; do
    n=${mixed_names[$k]}
    src=$n; [ "$n" != ping-w ] || src=inbox
    if [ "$n" = ping ]; then
      write_rate[$n]=0
    elif [ "$n" = writes ]; then
      write_rate[$n]=${BENCH_WRITE_MAX:-1000}
    elif [ -n "${BENCH_WRITE_RATE:-}" ]; then
      write_rate[$n]=$BENCH_WRITE_RATE
    else
      ro=$(awk -F'\t' -v n="$src" '$1 == "readonly" && $3 == n {print $4}' "$results" | median)
      [ "$ro" != - ] || { log "No read-only figure for $src: set BENCH_WRITE_RATE or BENCH_READONLY=1"; exit 1; }
      write_rate[$n]=$(awk -v r="$ro" -v s="$write_share" 'BEGIN {printf "%.0f", r * s}')
    fi
  done
  log "Mixed run, two nodes (${bases[*]}): writes/s per endpoint: $(for n in "${mixed_names[@]}"; do printf '%s=%s ' "$n" "${write_rate[$n]}"; done)"

  work="$pg_dir/work"
  mkdir -p "$work"
  # The work the writer may do, as the data stands now (each set a disjoint set of matters; see
  # bench/MatterWriter.java): ASSIGNED cases of ASSIGNED matters to sign, SIGNED lead cases of matters
  # IN_PROGRESS to answer, ANSWERED matters with no pending case, never rated, to rate SATISFIED.
  export_work() {
    psql_db -At -c "COPY (SELECT c.id, c.matter_id, c.org_code FROM handling_case c JOIN matter m ON m.id = c.matter_id
        WHERE c.status = 'ASSIGNED' AND m.status = 'ASSIGNED' ORDER BY c.id) TO STDOUT" >"$work/sign.tsv"
    psql_db -At -c "COPY (SELECT c.id, c.matter_id, c.org_code FROM handling_case c JOIN matter m ON m.id = c.matter_id
        WHERE c.status = 'SIGNED' AND c.role = 'LEAD' AND m.status = 'IN_PROGRESS' ORDER BY c.id) TO STDOUT" >"$work/answer.tsv"
    psql_db -At -c "COPY (SELECT m.id, m.raiser, COALESCE(m.series_slug, ''),
          COALESCE((SELECT c.org_code FROM handling_case c WHERE c.matter_id = m.id AND c.role = 'LEAD' ORDER BY c.id LIMIT 1), 'dept-001')
        FROM matter m WHERE m.status = 'ANSWERED' AND m.rehandled = FALSE
          AND NOT EXISTS (SELECT 1 FROM handling_case p WHERE p.matter_id = m.id AND p.status IN ('ASSIGNED','SIGNED','REHANDLING'))
          AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.matter_id = m.id)
          AND EXISTS (SELECT 1 FROM account a WHERE a.username = m.raiser)
        ORDER BY m.id) TO STDOUT" >"$work/rate.tsv"
  }
  writer_value() { awk -F= -v k="$1" '$1 == k {print $2}' "$2"; }

  measure_mixed() { # name path auth duration label rate -> prints the row's figures
    local n=$1 path=$2 auth=$3 dur=$4 label=$5 rate=$6
    local hdr=() fa="$out/wrk-mixed-$n-$label-a.txt" fb="$out/wrk-mixed-$n-$label-b.txt"
    local wfile="$out/writer-$n-$label.txt" writer_pid= idle
    [ -z "$auth" ] || hdr=(-H "Authorization: Bearer $auth")
    rm -f "$work/ready" "$work/go"
    if [ "$rate" != 0 ]; then
      export_work
      java bench/MatterWriter.java --nodes "${bases[0]},${bases[1]}" --prefix "$token_prefix" --work "$work" \
        --rate "$rate" --duration "$(seconds "$dur")" --threads "$write_threads" --mix "$write_mix" \
        --ready "$work/ready" --go "$work/go" --go-timeout $(( ${BENCH_QUIET_WAIT:-180} + 300 )) >"$wfile" 2>&1 &
      writer_pid=$!
      echo "$writer_pid" >>"$helpers"
      for _ in $(seq 1 240); do [ -f "$work/ready" ] || ! kill -0 "$writer_pid" 2>/dev/null && break; sleep 0.5; done
      [ -f "$work/ready" ] || { log "The writer did not get ready:"; cat "$wfile" >&2; exit 1; }
    fi
    idle=$(settle)
    [ "$label" != round1 ] || profile_begin "$n" "$(seconds "$dur")"
    cpu_snapshot "$pg_dir/cpu-0"
    jfr_mark
    touch "$work/go"
    local ra=0 pa=0 ta=0 qa=0 na=0 rb=0 pb=0 tb=0 qb=0 nb=0
    if [ -n "$path" ]; then
      timeout 120 wrk -t"$half_threads" -c"$half_connections" -d"$dur" --timeout 10s --latency "${hdr[@]}" "${bases[0]}$path" >"$fa" &
      local wa=$!
      timeout 120 wrk -t"$half_threads" -c"$half_connections" -d"$dur" --timeout 10s --latency "${hdr[@]}" "${bases[1]}$path" >"$fb" &
      local wb=$!
      wait "$wa"; wait "$wb"
      cpu_snapshot "$pg_dir/cpu-1"
      read -r ra pa ta qa na < <(wrk_figures "$fa")
      read -r rb pb tb qb nb < <(wrk_figures "$fb")
    else
      wait "$writer_pid" || true
      cpu_snapshot "$pg_dir/cpu-1"
    fi
    [ -z "$writer_pid" ] || wait "$writer_pid" || true
    local rps p99 timeouts requests
    rps=$(awk -v a="$ra" -v b="$rb" 'BEGIN {printf "%.2f", a + b}')
    p99=$(awk -v a="$pa" -v b="$pb" 'BEGIN {print (a > b ? a : b)}')
    timeouts=$(( ta + tb ))
    requests=$(( qa + qb ))
    local target=0 achieved=0 checks=0 violations=0 ochecks=0 ostale=0 errors=0 writes=0
    if [ -n "$writer_pid" ]; then
      [ -s "$wfile" ] && grep -q '^ryw_checks=' "$wfile" || { log "The writer gave no report:"; cat "$wfile" >&2; exit 1; }
      target=$(writer_value target_rate "$wfile"); achieved=$(writer_value achieved_rate "$wfile")
      checks=$(writer_value ryw_checks "$wfile"); violations=$(writer_value ryw_violations "$wfile")
      ochecks=$(writer_value others_checks "$wfile"); ostale=$(writer_value others_stale "$wfile")
      errors=$(writer_value errors "$wfile"); writes=$(writer_value writes_ok "$wfile")
    fi
    if [ "$label" = round1 ]; then
      jfr_cut 0 "mixed-$n"
      profile_end "$n" "$out/sql-mixed-$n.txt" "$requests" "$writes"
    fi
    local pending
    pending=$(psql_db -At -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
    echo "$rps $p99 $timeouts $idle $target $achieved $checks $violations $ochecks $ostale $errors $pending $(cpu_figures "$pg_dir/cpu-0" "$pg_dir/cpu-1" "$( [ -n "$path" ] && echo "$requests" || echo "$writes")" $writer_pid) $(( na + nb ))"
  }

  log "Mixed run: warming up, $warmup per endpoint, with the writes"
  for k in "${!mixed_names[@]}"; do
    n=${mixed_names[$k]}
    non2xx=
    read -r rps p99 timeouts idle target achieved checks violations ochecks ostale errors pending busy app_ms pg_ms others non2xx \
      < <(measure_mixed "$n" "${mixed_paths[$k]}" "${mixed_auths[$k]}" "$warmup" warmup "${write_rate[$n]}") || true
    [ -n "${non2xx:-}" ] || { log "Measuring $n failed (see above)"; exit 1; }
    printf 'mixed-warmup\t0\t%s\t%s\t%s\t\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$rps" "$p99" "$timeouts" "$idle" \
      "$target" "$achieved" "$checks" "$violations" "$ochecks" "$ostale" "$errors" "$pending" "$busy" "$app_ms" "$pg_ms" "$non2xx" "$others" >>"$results"
    log "mixed warm-up $n: $rps req/s, p99 $p99 ms; writes $achieved/s of $target, read-your-writes $violations violations in $checks checks"
  done
  for r in $(seq 1 "$rounds"); do
    ping_rps=
    for k in "${!mixed_names[@]}"; do
      n=${mixed_names[$k]}
      for attempt in $(seq 0 "$retries"); do
        non2xx=
        read -r rps p99 timeouts idle target achieved checks violations ochecks ostale errors pending busy app_ms pg_ms others non2xx \
          < <(measure_mixed "$n" "${mixed_paths[$k]}" "${mixed_auths[$k]}" "$duration" "round$r" "${write_rate[$n]}") || true
        [ -n "${non2xx:-}" ] || { log "Measuring $n failed (see above)"; exit 1; }
        disturbed "$others" "$attempt" || break
        # Kept apart from the figures, but its writes and their checks count in the read-your-writes totals.
        printf 'mixed-disturbed\t%s\t%s\t%s\t%s\t\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$n" "$rps" "$p99" "$timeouts" "$idle" \
          "$target" "$achieved" "$checks" "$violations" "$ochecks" "$ostale" "$errors" "$pending" "$busy" "$app_ms" "$pg_ms" "$non2xx" "$others" >>"$results"
      done
      [ -n "$ping_rps" ] || ping_rps=$rps
      ratio=$(ratio "$rps" "$ping_rps")
      printf 'mixed\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$n" "$rps" "$p99" "$ratio" "$timeouts" "$idle" \
        "$target" "$achieved" "$checks" "$violations" "$ochecks" "$ostale" "$errors" "$pending" "$busy" "$app_ms" "$pg_ms" "$non2xx" "$others" >>"$results"
      log "mixed round $r $n: $rps req/s, p99 $p99 ms, ratio to ping $ratio; writes $achieved/s of $target, read-your-writes $violations violations in $checks checks, others stale $ostale of $ochecks, write errors $errors, events pending $pending; machine ${idle}% idle before, ${busy}% busy during, other work ${others}%; CPU per read request (writes included): app $app_ms ms, PostgreSQL $pg_ms ms"
    done
  done

  # After the writes: the event listeners catch up, and the tallies must still equal a full count.
  drain_start=$(date +%s)
  for _ in $(seq 1 240); do
    [ "$(psql_db -At -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")" = 0 ] && break
    sleep 0.5
  done
  events_left=$(psql_db -At -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
  drain_seconds=$(( $(date +%s) - drain_start ))
  tally_diff=$(psql_db -At <<'SQL'
WITH m AS (SELECT COALESCE(m.series_slug, '') AS s, m.status AS st, COUNT(*) AS n, COALESCE(SUM(c.n), 0) AS cs
           FROM matter m LEFT JOIN (SELECT matter_id, COUNT(*) AS n FROM handling_case WHERE status <> 'RETURNED' GROUP BY matter_id) c
           ON c.matter_id = m.id GROUP BY 1, 2),
     t AS (SELECT series_slug AS s, status AS st, SUM(matters) AS n, SUM(cases) AS cs FROM matter_tally GROUP BY 1, 2 HAVING SUM(matters) <> 0 OR SUM(cases) <> 0),
     d AS (SELECT COALESCE(m.series_slug, '') AS s, x.due, COUNT(*) AS n FROM matter m
           JOIN (SELECT matter_id, MIN(due_date) AS due FROM handling_case WHERE status IN ('ASSIGNED','SIGNED','REHANDLING') GROUP BY matter_id) x
           ON x.matter_id = m.id WHERE m.status NOT IN ('CLOSED','REJECTED') GROUP BY 1, 2),
     dt AS (SELECT series_slug AS s, due_date AS due, SUM(matters) AS n FROM matter_due_tally GROUP BY 1, 2 HAVING SUM(matters) <> 0),
     c AS (SELECT org_code AS o, due_date AS due, COUNT(*) AS n FROM handling_case WHERE status IN ('ASSIGNED','SIGNED','REHANDLING') GROUP BY 1, 2),
     ct AS (SELECT org_code AS o, due_date AS due, SUM(cases) AS n FROM case_due_tally GROUP BY 1, 2 HAVING SUM(cases) <> 0)
SELECT (SELECT count(*) FROM m FULL JOIN t USING (s, st) WHERE m.n IS DISTINCT FROM t.n OR m.cs IS DISTINCT FROM t.cs)
     + (SELECT count(*) FROM d FULL JOIN dt USING (s, due) WHERE d.n IS DISTINCT FROM dt.n)
     + (SELECT count(*) FROM c FULL JOIN ct USING (o, due) WHERE c.n IS DISTINCT FROM ct.n)
SQL
)
  log "After the mixed run: $events_left event publications unfinished after ${drain_seconds} s of waiting; tally rows that differ from a full count: $tally_diff"
fi

jfr_summaries

{
  echo
  echo "Commit $commit, $(psql_db -At -c "SELECT count(*) FROM matter") matters at the start of the data set ($matters asked); machine: $(machine)"
  if [ "$readonly_run" = 1 ]; then
    echo
    echo "Read-only, one node: median of $rounds rounds (wrk -t$threads -c$connections -d$duration on 127.0.0.1; ratio = the endpoint's req/s over ping's in the same round):"
    printf '%-8s %-44s %10s %8s %6s %-16s %6s %8s %8s\n' endpoint path req/s p99_ms ratio rounds goal app_ms pg_ms
    for k in "${!names[@]}"; do
      n=${names[$k]}
      col() { awk -F'\t' -v n="$n" -v c="$1" '$1 == "readonly" && $3 == n {print $c}' "$results" | median; }
      rps=$(col 4); p99=$(col 5); ratio=$(col 6); app_ms=$(col 18); pg_ms=$(col 19)
      each=$(awk -F'\t' -v n="$n" '$1 == "readonly" && $3 == n {printf "%s%s", s, $6; s = ","}' "$results")
      g=${goal_ro[$n]:-}
      goal=$( [ -z "$g" ] && echo - || awk -v r="$ratio" -v g="$g" 'BEGIN {print (r >= g ? "met" : "MISSED")}')
      printf '%-8s %-44s %10s %8s %6s %-16s %6s %8s %8s\n' "$n" "${paths[$k]}" "$rps" "$p99" "$ratio" "$each" "$goal" "$app_ms" "$pg_ms"
    done
    echo "(app_ms, pg_ms: CPU time per request in the app node and in PostgreSQL, median)"
  fi
  if [ "$mixed_run" = 1 ]; then
    echo
    echo "Mixed, two nodes: median of $rounds rounds (two wrk -t$half_threads -c$half_connections -d$duration, one per node, req/s summed, p99 the worse of the two; ratio to ping, measured over both nodes without writes, in the same round; writes by bench/MatterWriter.java with $write_threads threads, mix sign:answer:rate $write_mix):"
    printf '%-8s %10s %8s %6s %-16s %-30s %8s %8s %10s %8s %8s\n' endpoint req/s p99_ms ratio rounds goal writes/s target ryw_viol app_ms pg_ms
    for n in "${mixed_names[@]}"; do
      col() { awk -F'\t' -v n="$n" -v c="$1" '$1 == "mixed" && $3 == n {print ($c == "" ? 0 : $c)}' "$results" | median; }
      rps=$(col 4); p99=$(col 5); ratio=$(col 6); tg=$(col 9); wr=$(col 10); app_ms=$(col 18); pg_ms=$(col 19)
      each=$(awk -F'\t' -v n="$n" '$1 == "mixed" && $3 == n {printf "%s%s", s, $6; s = ","}' "$results")
      viol=$(awk -F'\t' -v n="$n" '$1 ~ /^mixed/ && $3 == n {v += $12; c += $11} END {printf "%d/%d", v, c}' "$results")
      g=${goal_mixed[$n]:-}
      if [ -z "$g" ]; then goal=-; else
        goal=$(awk -v r="$ratio" -v g="$g" -v p="$p99" -v pg="$p99_goal" 'BEGIN {
          printf "%s ratio>=%s, %s p99<=%sms", (r >= g ? "met" : "MISSED"), g, (p <= pg ? "met" : "MISSED"), pg}')
      fi
      [ "$n" != writes ] || { rps=-; p99=-; ratio=-; each=-; }
      printf '%-8s %10s %8s %6s %-16s %-30s %8s %8s %10s %8s %8s\n' "$n" "$rps" "$p99" "$ratio" "$each" "$goal" "$wr" "$tg" "$viol" "$app_ms" "$pg_ms"
    done
    echo "(writes/s: achieved, median; target: writes/s asked; ryw_viol: read-your-writes violations/checks, warm-up included; app_ms, pg_ms: CPU time per read request in both app nodes and in PostgreSQL, the writes' included, median; for writes, the write generator alone with no reads, they are per write)"
    echo
    awk -F'\t' '$1 ~ /^mixed/ {c += $11; v += $12; oc += $13; os += $14; e += $15; w++}
      END {printf "Read-your-writes over the whole mixed run (%d measurements, warm-up included): %d checks, %d violations; others (a colleague who never writes, 1 s after an answer, on the other node): %d checks, %d stale; write errors: %d\n", w, c, v, oc, os, e}' "$results"
    echo "After the mixed run: event publications unfinished $events_left (after waiting ${drain_seconds} s); tally rows differing from a full count: $tally_diff"
  fi
  awk -F'\t' 'NR > 1 && $1 !~ /warmup|disturbed/ {if ($21 + 0 > max[$1]) max[$1] = $21; if (!($1 in max)) max[$1] = 0}
    $1 ~ /disturbed/ {d++}
    END {for (r in max) printf "Share of the machine other work took during a measurement (%s): at most %d %%\n", r, max[r];
      printf "Measurements made again because other work took more than %s %% of the machine during them: %d\n", m, d}' m="${BENCH_MAX_OTHERS:-10}" "$results"
  awk -F'\t' 'NR > 1 && $20 > 0 {printf "Responses not 2xx or 3xx: %s round %s %s: %s\n", $1, $2, $3, $20; n++} END {if (!n) print "Responses not 2xx or 3xx: none"}' "$results"
} | tee "$out/summary.txt"
