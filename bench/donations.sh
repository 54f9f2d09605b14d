#!/usr/bin/env bash
# The donations benchmark of issue 8 (99 Giving Day): how many donations a second the API records,
# against what PostgreSQL and the app can do at all on the same machine in the same run.
#
# In each round, one after the other at BENCH_CONNECTIONS (32) connections each: GET
# /api/v1/public/ping with wrk (what the app serves when it does nothing), pgbench committing
# single-row inserts into a throwaway table (what PostgreSQL commits), and POST /api/v1/donations with
# wrk and bench/donations.lua (a fresh Idempotency-Key per request, 1 % retries of an earlier key with
# the same body, amounts with cents), by a payment channel's account, into a campaign of the round's
# own. Ratio = donations/s (answers 201 a second, the retries' included) over min(ping req/s,
# pgbench tps) of the same round; goal 0.5 with the donations' p99 <= 100 ms. Two phases: one app node addressed directly, then two app nodes behind
# nginx (ping then measured through nginx too).
#
# Checked, and a failure ends the script non-zero: after each donations run, the keys that got no
# 201 before wrk stopped (in flight, or refused) are sent again with the same body, as a channel
# would, and the campaign's raised and donations (GET /api/v1/public/campaigns/{code}) must equal
# the sum and number of distinct keys sent; after each phase, once every donation has a receipt
# number (issued in the donation's transaction, or afterwards by a background issuer: the script
# waits up to BENCH_RECEIPT_WAIT), the receipt numbers of each year (YYYY-NNNNNN, the year of
# received_on) must be exactly 1..N, each once.
#
# One script does everything and cleans up after itself: a throwaway PostgreSQL cluster, the app jar
# built and started against it (Flyway creates the schema), the accounts made through the API, every
# load run bounded (wrk -d, pgbench -T) and the whole run bounded (BENCH_TIMEOUT).
#
# Settings (environment): BENCH_ROUNDS (3), BENCH_DURATION (20s), BENCH_THREADS (2: wrk threads and
# pgbench jobs), BENCH_CONNECTIONS (32), BENCH_WARMUP (20s of ping and of donations per phase),
# BENCH_DIRECT (1) and BENCH_NGINX (1) to run either phase, BENCH_RETRY_EVERY (100: every 100th
# request repeats a key), BENCH_RECEIPT_WAIT (60 s), BENCH_PG_OPTS (more PostgreSQL server options,
# such as "-c synchronous_commit=off"), BENCH_SKIP_BUILD=1 to reuse target/*.jar, BENCH_JFR=1 to
# record the app nodes with JFR (each phase's round-1 donations run is cut out and summarised by
# bench/JfrTop.java), BENCH_QUIET_WAIT (180 s), BENCH_MAX_OTHERS (10) and BENCH_RETRIES (2) as in
# bench/matters.sh, BENCH_KEEP=1 to leave the cluster and the app nodes running at the end,
# BENCH_OUT (bench/out/donations) for the logs and results, BENCH_TIMEOUT (60m).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_bounded 60m "$@"

bench_settings 32
direct_run=${BENCH_DIRECT:-1}
nginx_run=${BENCH_NGINX:-1}
retry_every=${BENCH_RETRY_EVERY:-100}
receipt_wait=${BENCH_RECEIPT_WAIT:-60}
goal=0.5
p99_goal=100
bench_out bench/out/donations
rm -f "$out"/wrk-*.txt "$out"/pgbench-*.txt "$out"/sql-*.txt "$out"/waits-*.txt "$out"/pool-*.txt "$out"/jfr-* "$out"/nginx-*.log

need java openjdk-17-jdk-headless mvn maven wrk wrk jq jq curl curl
[ "$nginx_run" != 1 ] || need nginx nginx
install_missing

# Production's durability (fsync, synchronous_commit): a donation is acknowledged only once it is
# on disk, and so is pgbench's row, so both pay the same commit. BENCH_PG_OPTS can change that.
start_postgres "-c shared_buffers=1GB -c max_wal_size=4GB ${BENCH_PG_OPTS:-}"

build_app
start_node a true
# The second node starts now too, so that its start is over before anything is measured.
[ "$nginx_run" != 1 ] || start_node b false
# pgbench's table, once Flyway has made the app's schema (it refuses to start on tables it did not make).
psql_db -c "CREATE TABLE bench_insert (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  amount NUMERIC(14,2) NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL)"
admin=$(token admin "$admin_password")

log "Creating a payment channel's account (CHARITY_OFFICER of an organisation of its own) through the API"
password=bench-password-1
post /api/v1/orgs '{"code":"bench-pay","name":"Bench payment channel","kind":"ENTERPRISE"}'
post /api/v1/accounts "{\"username\":\"bench-channel\",\"password\":\"$password\",\"displayName\":\"Bench payment channel\",\"roles\":[\"CHARITY_OFFICER\"],\"orgCode\":\"bench-pay\"}"
channel=$(token bench-channel "$password")

open_campaign() { # code
  curl -fsS -o /dev/null -X POST "${bases[0]}/api/v1/campaigns" -H "Authorization: Bearer $channel" \
    -H 'Content-Type: application/json' -d "{\"code\":\"$1\",\"name\":\"Bench $1\"}"
}
# donate TARGET KEY BODY: one donation as the channel; leaves the answer in $pg_dir/answer.json and
# its headers in $pg_dir/answer.headers, and prints the status.
donate() {
  curl -sS -o "$pg_dir/answer.json" -D "$pg_dir/answer.headers" -w '%{http_code}' -X POST "$1/api/v1/donations" \
    -H "Authorization: Bearer $channel" -H 'Content-Type: application/json' -H "Idempotency-Key: $2" -d "$3"
}
die() { log "$*"; exit 1; }
fail() { die "CHECK FAILED: $*"; }
yuan() { printf '%d.%02d' $(( $1 / 100 )) $(( $1 % 100 )); }
# check_campaign CODE CENTS COUNT: what the public page of the campaign says it raised. Public
# figures may lag a committed donation by a moment (a node may keep them briefly), so it looks again
# for up to 5 s before it fails.
check_campaign() {
  local body raised donations i
  for i in $(seq 1 10); do
    body=$(curl -fsS "${bases[0]}/api/v1/public/campaigns/$1")
    raised=$(jq -r .raised <<<"$body")
    donations=$(jq -r .donations <<<"$body")
    [ "$raised" = "$(yuan "$2")" ] && [ "$donations" = "$3" ] && return
    sleep 0.5
  done
  fail "campaign $1 says it raised $raised in $donations donations; the channel was acknowledged $(yuan "$2") in $3"
}

log "Checking the donation API's contract before measuring"
open_campaign bench-check
body='{"campaign":"bench-check","amount":"12.34","donorName":"bench-check-0-1"}'
[ "$(donate "${bases[0]}" bench-check-1 "$body")" = 201 ] || fail "a donation was not answered 201: $(cat "$pg_dir/answer.json")"
first=$(jq -c '{id, receiptNo, amount}' "$pg_dir/answer.json")
[ "$(jq -r .amount "$pg_dir/answer.json")" = 12.34 ] || fail "a donation of 12.34 was answered $first"
[ "$(donate "${bases[0]}" bench-check-1 "$body")" = 201 ] && grep -qi '^Idempotent-Replayed: true' "$pg_dir/answer.headers" \
  && [ "$(jq -r .id "$pg_dir/answer.json")" = "$(jq -r .id <<<"$first")" ] \
  || fail "a repeat of a key was not replayed: $(cat "$pg_dir/answer.headers" "$pg_dir/answer.json")"
[ "$(donate "${bases[0]}" bench-check-1 "${body/12.34/12.35}")" = 409 ] || fail "a key with another body was not refused: $(cat "$pg_dir/answer.json")"
check_campaign bench-check 1234 1
log "POST /api/v1/donations: $first, replayed on a repeat, 409 for the same key with another body"

# reconcile FILE CAMPAIGN TARGET: after a donations run, sends again each key wrk got no 201 for (the
# same key and body, so each counts once whatever became of the first), then checks the campaign.
# Prints "keys retries replayed unanswered failed unmatched statuses".
reconcile() {
  local file=$1 campaign=$2 target=$3 keys acked_keys cents retries replayed failed unmatched statuses key c body
  grep -q '^donations' "$file" || { tail -n 20 "$file" >&2; fail "wrk gave no donation counts ($file)"; }
  read -r keys acked_keys cents retries replayed failed unmatched statuses < <(awk -F'\t' '$1 == "donations" {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "statuses") { if (kv[2] != "") st = st (st == "" ? "" : ",") kv[2] } else s[kv[1]] += kv[2] }
    } END {
      printf "%.0f %.0f %.0f %.0f %.0f %.0f %.0f %s\n", s["keys"], s["acked_keys"], s["acked_cents"], s["retries"], s["replayed"], s["failed"], s["unmatched"], (st == "" ? "-" : st)
    }' "$file")
  local unanswered=0
  while IFS=$'\t' read -r _ key c body; do
    [ "$(donate "$target" "$key" "$body")" = 201 ] || fail "sending again $key, which got no 201 during the run: $(cat "$pg_dir/answer.json")"
    [ "$(jq -r .amount "$pg_dir/answer.json")" = "$(yuan "$c")" ] || fail "sending again $key ($(yuan "$c")) was answered $(cat "$pg_dir/answer.json")"
    unanswered=$((unanswered + 1))
    acked_keys=$((acked_keys + 1))
    cents=$((cents + c))
  done < <(awk -F'\t' '$1 == "unanswered"' "$file")
  [ "$acked_keys" = "$keys" ] || fail "$keys keys sent to $campaign, $acked_keys acknowledged"
  check_campaign "$campaign" "$cents" "$keys"
  echo "$keys $retries $replayed $unanswered $failed $unmatched $statuses"
}

# check_receipts: once no donation is without a receipt number (at most BENCH_RECEIPT_WAIT s), the
# numbers of each year are exactly 1..N. Prints how long it waited and what it found.
check_receipts() {
  local start pending waited
  start=$(date +%s%3N)
  while :; do
    pending=$(psql_db -At -c "SELECT count(*) FROM charity_donation d WHERE NOT EXISTS (SELECT 1 FROM charity_receipt r WHERE r.donation_id = d.id)")
    [ "$pending" = 0 ] && break
    [ $(( $(date +%s%3N) - start )) -lt $(( receipt_wait * 1000 )) ] || fail "$pending donations still have no receipt number after $receipt_wait s"
    sleep 0.5
  done
  waited=$(awk -v ms=$(( $(date +%s%3N) - start )) 'BEGIN {printf "%.1f", ms / 1000}')
  local year n numbers lo hi malformed found=
  while read -r year n numbers lo hi malformed; do
    [ "$malformed" = 0 ] || fail "$malformed receipt numbers of $year are not $year-NNNNNN"
    [ "$numbers" = "$n" ] && [ "$lo" = 1 ] && [ "$hi" = "$n" ] \
      || fail "the $n receipts of $year have $numbers distinct numbers from $lo to $hi: not 1..$n once each"
    found="$found year $year: $n receipts numbered 1..$n;"
  done < <(psql_db -At -F ' ' -c "SELECT y, count(*), count(DISTINCT num), COALESCE(min(num), 0), COALESCE(max(num), 0),
        count(*) FILTER (WHERE receipt_no !~ ('^' || y || '-[0-9]{6,}\$'))
      FROM (SELECT extract(year FROM d.received_on)::int AS y, r.receipt_no,
              CASE WHEN r.receipt_no ~ '^[0-9]{4}-[0-9]+\$' THEN split_part(r.receipt_no, '-', 2)::bigint END AS num
            FROM charity_donation d JOIN charity_receipt r ON r.donation_id = d.id) d
      GROUP BY y ORDER BY y")
  echo "after waiting ${waited} s for the issuer,${found%;}"
}

results="$out/results.tsv"
printf 'phase\tround\twhat\tkind\tper_s\tp99_ms\ttimeouts\trequests\tnot_2xx\tidle_before\tcpu_busy_pct\tapp_cpu_ms\tpg_cpu_ms\tothers_busy_pct\tnginx_cpu_ms\tratio\tcampaign\tkeys\tretries\treplayed\tunanswered\tfailed\tunmatched\tstatuses\n' >"$results"

# CPU ms per request of the given processes (nginx), from two snapshots of cpu_snapshot.
cpu_of() { # before after requests pid...
  local a=$1 b=$2 q=$3
  shift 3
  awk -v q="$q" -v hz="$(getconf CLK_TCK)" -v pids=" $* " '
    FNR <= 2 { next }
    index(pids, " " $1 " ") { i = match($0, /\) [A-Za-z] /); split(substr($0, i + 2), f, " ")
      if (FILENAME == ARGV[1]) before[$1] = f[12] + f[13]; else d += f[12] + f[13] - before[$1] }
    END { printf "%.3f", d * 1000 / hz / (q > 0 ? q : 1) }' "$a" "$b"
}

# Donations answered 201 per second, from wrk's output with bench/donations.lua: wrk's own req/s
# would count an error as fast as a donation.
answered_per_s() { # file
  awk -F'\t' '/ requests in / {n = $0; sub(/^ */, "", n); split(n, w, " "); requests = w[1]; d = w[4]; sub(/,$/, "", d)
      secs = d ~ /ms$/ ? d / 1000 : d ~ /m$/ ? d * 60 : d + 0 }
    $1 == "donations" {for (i = 2; i <= NF; i++) if ($i ~ /^failed=/) {sub(/^failed=/, "", $i); failed += $i}}
    END {printf "%.2f", (secs > 0 ? (requests - failed) / secs : 0)}' "$1"
}

# pgbench at the same concurrency; its own figures are in $out/pgbench-LABEL.txt. Prints
# "tps p99_ms timeouts transactions failed" (p99 from the per-transaction log; no timeouts).
run_pgbench() { # label duration
  local file="$out/pgbench-$1.txt" secs tps txns failed p99
  secs=$(seconds "$2")
  rm -f "$pg_dir"/pgbench_log.*
  timeout $(( secs + 60 )) "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U civicdesk -n -M prepared \
    -c "$connections" -j "$threads" -T "$secs" -f bench/donations-pgbench.sql -l --log-prefix="$pg_dir/pgbench_log" civicdesk >"$file" 2>&1 \
    || { cat "$file" >&2; die "pgbench failed"; }
  tps=$(awk '/^tps = / {printf "%.2f", $3}' "$file")
  txns=$(awk -F': ' '/number of transactions actually processed/ {print $2}' "$file")
  failed=$(awk -F': ' '/number of failed transactions/ {split($2, a, " "); print a[1]}' "$file")
  p99=$(cat "$pg_dir"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR] = $1} END {k = int(NR * 0.99); if (k < 1) k = 1; printf "%.2f", a[k] / 1000}')
  rm -f "$pg_dir"/pgbench_log.*
  echo "${tps:-0} $p99 0 ${txns:-0} ${failed:-0}"
}

# measure PHASE LABEL WHAT TARGET DURATION CAMPAIGN PROFILE: one load run after waiting for quiet;
# with PROFILE (the number of app nodes, else 0) it also writes, for this run, the SQL it ran
# (pg_stat_statements), what PostgreSQL's backends waited for, the pools before and after, and each
# node's JFR recording. Prints "per_s p99_ms timeouts requests not_2xx idle busy app_ms pg_ms others nginx_ms".
measure() {
  local phase=$1 label=$2 what=$3 target=$4 dur=$5 campaign=$6 profile=$7
  local idle figures requests n file="$out/wrk-$1-$2-$3.txt"
  idle=$(settle)
  [ "$profile" = 0 ] || profile_begin "$phase-$what" "$(seconds "$dur")"
  cpu_snapshot "$pg_dir/cpu-0"
  jfr_mark
  case $what in
    ping)
      timeout $(( $(seconds "$dur") + 60 )) wrk -t"$threads" -c"$connections" -d"$dur" --timeout 10s --latency "$target/api/v1/public/ping" >"$file" \
        || die "wrk failed on ping ($file)"
      figures=$(wrk_figures "$file") ;;
    pgbench)
      figures=$(run_pgbench "$phase-$label" "$dur") ;;
    donations)
      timeout $(( $(seconds "$dur") + 60 )) wrk -t"$threads" -c"$connections" -d"$dur" --timeout 10s --latency -s bench/donations.lua \
        -H "Authorization: Bearer $channel" "$target/api/v1/donations" -- "$campaign" "$retry_every" >"$file" \
        || die "wrk failed on donations ($file)"
      figures=$(wrk_figures "$file")
      figures="$(answered_per_s "$file") ${figures#* }" ;;
  esac
  cpu_snapshot "$pg_dir/cpu-1"
  read -r _ _ _ requests _ <<<"$figures"
  if [ "$profile" != 0 ]; then
    for n in $(seq 0 $(( profile - 1 ))); do jfr_cut "$n" "$phase-$what-node$n"; done
    profile_end "$phase-$what" "$out/sql-$phase-$what.txt" "$requests" 0
  fi
  echo "$figures $idle $(cpu_figures "$pg_dir/cpu-0" "$pg_dir/cpu-1" "$requests" $nginx_pids) $(cpu_of "$pg_dir/cpu-0" "$pg_dir/cpu-1" "$requests" $nginx_pids)"
}

# run_phase PHASE TARGET NODES: a warm-up (round 0: ping and donations for BENCH_WARMUP), then the
# rounds; the donations of round 1 are profiled. Every donations run is checked (reconcile).
run_phase() {
  local phase=$1 target=$2 nodes=$3 r whats dur what attempt kind figures campaign checked ratio profile
  local per_s p99 timeouts requests not2xx idle busy app_ms pg_ms others nginx_ms
  local keys repeats replayed unanswered failed unmatched statuses ping_rps= pgbench_tps=
  for r in $(seq 0 "$rounds"); do
    whats="ping pgbench donations"; dur=$duration
    if [ "$r" = 0 ]; then
      whats="ping donations"; dur=$warmup
      log "Phase $phase ($target): warming up, $warmup of ping and of donations"
    fi
    for what in $whats; do
      for attempt in $(seq 0 "$retries"); do
        campaign=-; checked="- - - - - - -"; profile=0
        if [ "$what" = donations ]; then
          campaign="$phase-r$r-$attempt"
          open_campaign "$campaign"
          [ "$r" != 1 ] || profile=$nodes
        fi
        figures=$(measure "$phase" "round$r" "$what" "$target" "$dur" "$campaign" "$profile")
        read -r per_s p99 timeouts requests not2xx idle busy app_ms pg_ms others nginx_ms <<<"$figures"
        [ "$what" != donations ] || checked=$(reconcile "$out/wrk-$phase-round$r-donations.txt" "$campaign" "$target")
        kind=measured
        if [ "$r" = 0 ]; then kind=warmup; elif disturbed "$others" "$attempt"; then kind=disturbed; fi
        ratio=-
        if [ "$kind" = measured ]; then
          case $what in
            ping) ping_rps=$per_s ;;
            pgbench) pgbench_tps=$per_s ;;
            donations) ratio=$(ratio "$per_s" "$(awk -v a="$ping_rps" -v b="$pgbench_tps" 'BEGIN {print (a < b ? a : b)}')") ;;
          esac
        fi
        read -r keys repeats replayed unanswered failed unmatched statuses <<<"$checked"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
          "$phase" "$r" "$what" "$kind" "$per_s" "$p99" "$timeouts" "$requests" "$not2xx" "$idle" "$busy" "$app_ms" "$pg_ms" \
          "$others" "$nginx_ms" "$ratio" "$campaign" "$keys" "$repeats" "$replayed" "$unanswered" "$failed" "$unmatched" "$statuses" >>"$results"
        log "$phase round $r ($kind) $what: $per_s/s, p99 $p99 ms$( [ "$ratio" = - ] || echo ", ratio $ratio"); machine ${idle}% idle before, ${busy}% busy during, other work ${others}%; CPU per request: app $app_ms ms, PostgreSQL $pg_ms ms$( [ -z "$nginx_pids" ] || echo ", nginx $nginx_ms ms")$( [ "$campaign" = - ] || echo "; $keys keys, $repeats retries ($replayed answers replayed), $unanswered sent again after the run, $failed answers not 201 ($statuses): $campaign adds up")"
        [ "$kind" = disturbed ] || break
      done
    done
  done
  receipts[$phase]=$(check_receipts)
  log "Receipts after the $phase phase: ${receipts[$phase]}"
}

declare -A receipts
nginx_pids=
if [ "$direct_run" = 1 ]; then
  run_phase direct "${bases[0]}" 1
fi
if [ "$nginx_run" = 1 ]; then
  ndir="$pg_dir/nginx"
  mkdir -p "$ndir"
  nport=$(free_port 20000)
  # Keep-alive to the nodes as a production proxy has it (HTTP/1.1, no Connection header passed on),
  # so that each request does not open a connection to a node; POSTs are never retried on the other
  # node (nginx's default), which would be a second report of a payment.
  cat >"$ndir/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $ndir/nginx.pid;
error_log $ndir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $ndir/body;
  proxy_temp_path $ndir/proxy;
  fastcgi_temp_path $ndir/fastcgi;
  uwsgi_temp_path $ndir/uwsgi;
  scgi_temp_path $ndir/scgi;
  upstream civicdesk {
    server ${bases[0]#http://};
    server ${bases[1]#http://};
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$nport;
    location / {
      proxy_pass http://civicdesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
EOF
  nginx -p "$ndir" -e "$ndir/error.log" -c "$ndir/nginx.conf" &
  nginx_pid=$!
  echo "$nginx_pid" >>"$helpers"
  proxy="http://127.0.0.1:$nport"
  for i in $(seq 1 20); do
    curl -fs "$proxy/api/v1/public/ping" >/dev/null 2>&1 && break
    kill -0 "$nginx_pid" 2>/dev/null && [ "$i" -lt 20 ] || { cat "$ndir/error.log" >&2; die "nginx did not start"; }
    sleep 0.5
  done
  nginx_pids="$nginx_pid $(ps -o pid= --ppid "$nginx_pid" | tr '\n' ' ')"
  log "nginx $(nginx -v 2>&1 | cut -d/ -f2) on $proxy, to ${bases[*]}"
  run_phase nginx "$proxy" 2
  cp "$ndir/error.log" "$out/nginx-error.log"
fi

jfr_summaries

{
  echo
  echo "Commit $commit; machine: $(machine); PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (server options: durability as in production${BENCH_PG_OPTS:+, $BENCH_PG_OPTS}), $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')$( [ "$nginx_run" != 1 ] || echo ", nginx $(nginx -v 2>&1 | cut -d/ -f2)")"
  echo
  echo "Donations: median of $rounds rounds (wrk -t$threads -c$connections -d$duration --latency; pgbench -c$connections -j$threads -T$(seconds "$duration") -M prepared, one row per transaction; ratio = donations/s over min(ping req/s, pgbench tps) of the same round; goal ratio >= $goal with p99 <= $p99_goal ms):"
  printf '%-7s %9s %8s %9s %8s %11s %8s %6s %-16s %-9s %7s %7s %7s %8s\n' phase ping/s p99_ms pgbench/s p99_ms donations/s p99_ms ratio rounds goal app_ms pg_ms ngx_ms not_201
  for phase in direct nginx; do
    grep -q "^$phase	" "$results" || continue
    col() { awk -F'\t' -v p="$phase" -v w="$1" -v c="$2" '$1 == p && $3 == w && $4 == "measured" {print $c}' "$results" | median; }
    ping_rps=$(col ping 5); ping_p99=$(col ping 6); tps=$(col pgbench 5); pg_p99=$(col pgbench 6)
    rps=$(col donations 5); p99=$(col donations 6); ratio=$(col donations 16)
    app_ms=$(col donations 12); pg_ms=$(col donations 13); nginx_ms=$(col donations 15)
    each=$(awk -F'\t' -v p="$phase" '$1 == p && $3 == "donations" && $4 == "measured" {printf "%s%s", s, $16; s = ","}' "$results")
    not201=$(awk -F'\t' -v p="$phase" '$1 == p && $3 == "donations" {n += $22} END {print n + 0}' "$results")
    met=$(awk -v r="$ratio" -v g="$goal" -v p="$p99" -v pg="$p99_goal" 'BEGIN {print (r >= g && p <= pg ? "met" : "MISSED")}')
    [ "$phase" = nginx ] || nginx_ms=-
    printf '%-7s %9s %8s %9s %8s %11s %8s %6s %-16s %-9s %7s %7s %7s %8s\n' "$phase" "$ping_rps" "$ping_p99" "$tps" "$pg_p99" "$rps" "$p99" "$ratio" "$each" "$met" "$app_ms" "$pg_ms" "$nginx_ms" "$not201"
  done
  echo "(app_ms, pg_ms, ngx_ms: CPU time per donation request in the app nodes, PostgreSQL and nginx, median; not_201: answers other than 201 over all donations runs, warm-up included)"
  echo
  awk -F'\t' '$3 == "donations" {c++; k += $18; r += $19; p += $20; u += $21}
    END {printf "Checked: %d campaigns, each raised exactly the sum of the %d distinct keys sent to it (%d retries of a key, %d answers replayed; %d keys without a 201 when wrk stopped, sent again)\n", c, k, r, p, u}' "$results"
  for phase in direct nginx; do [ -z "${receipts[$phase]:-}" ] || echo "Receipts after the $phase phase: ${receipts[$phase]}"; done
  awk -F'\t' 'NR > 1 && $4 == "measured" && $14 + 0 > m {m = $14} $4 == "disturbed" {d++}
    END {printf "Other work took at most %d %% of the machine during a measurement; %d measurements made again because it took more than %s %%\n", m, d, x}' x="${BENCH_MAX_OTHERS:-10}" "$results"
} | tee "$out/summary.txt"
