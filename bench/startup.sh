#!/usr/bin/env bash
# Benchmark: a first start (issue 12). Time from `java -jar` to /actuator/health UP on a fresh embedded
# database with the demo city, against spring-petclinic's jar started alternately on the same machine:
# median of five starts each, resident memory checked against 512 MiB. bench/README.md describes it.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_bounded 60m "$@"

rounds=${BENCH_ROUNDS:-5}
rss_limit_mib=${BENCH_RSS_LIMIT_MIB:-512}
petclinic_repo=${PETCLINIC_REPO:-https://github.com/spring-projects/spring-petclinic}
modes=${BENCH_MODES:-"jar cds"}
bench_out bench/out/startup
work=$(mktemp -d /tmp/civicdesk-startup.XXXXXX)
current=
stop_current() {
  [ -n "$current" ] || return 0
  kill "$current" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$current" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$current" 2>/dev/null || true
  wait "$current" 2>/dev/null || true
  current=
}
trap 'stop_current; rm -rf "$work"' EXIT

need java openjdk-17-jdk-headless mvn maven git git curl curl
if [ ${#missing_packages[@]} -gt 0 ]; then
  log "Installing: ${missing_packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_packages[@]}"
fi

# --- the two jars
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  log "Building Civic Desk"
  mvn -B -q -DskipTests package
fi
civicdesk_jar=$(pwd)/$(ls target/civicdesk-*.jar | grep -v original | head -n 1)
log "Cloning and building spring-petclinic from $petclinic_repo"
git clone -q --depth 1 "$petclinic_repo" "$work/petclinic"
(cd "$work/petclinic" && git log -1 --format='spring-petclinic %h %cs' >"$out/petclinic-version.txt" \
  && mvn -B -q -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip=true -Denforcer.skip package >"$out/petclinic-build.log" 2>&1) \
  || { log "spring-petclinic did not build; see $out/petclinic-build.log"; exit 1; }
petclinic_jar=$(ls "$work"/petclinic/target/spring-petclinic-*.jar | grep -v plain | head -n 1)

# --- CDS, as Spring Boot documents it: the jar extracted, a training run that exits once the context
# has refreshed, the archive used by every later start.
prepare() { # app jar mode -> prints the command prefix (java and its flags, then -jar PATH)
  local app=$1 jar=$2 mode=$3
  case $mode in
    jar) echo "java -jar $jar" ;;
    cds)
      local dir="$work/$app-cds"
      if [ ! -d "$dir" ]; then
        java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
        local train="$work/$app-train"
        mkdir -p "$train"
        (cd "$train" && CIVICDESK_ADMIN_PASSWORD=bench-admin-password java -XX:ArchiveClassesAtExit="$dir/app.jsa" \
          -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" --server.port=0 >"$out/$app-training.log" 2>&1) || true
        [ -s "$dir/app.jsa" ] || { log "The CDS training run of $app made no archive; see $out/$app-training.log"; exit 1; }
      fi
      echo "java -XX:SharedArchiveFile=$dir/app.jsa -jar $dir/$(basename "$jar")"
      ;;
  esac
}

rss_mib() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
# The CPU the process has used (user + system, all its threads, the JIT compilers' too): on a shared
# machine a steadier figure than the wall time, which waits for whatever else runs.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
now_ns() { date +%s%N; }

# One start: a fresh folder (so a fresh embedded database), a free port; leaves "seconds_to_up rss_at_up
# seconds_to_demo rss_after_demo cpu_seconds_to_up" in $work/last (the demo columns only for Civic Desk: its API answers
# once the demo city is in).
start_once() { # app command...
  local app=$1
  shift
  local dir="$work/run-$app-$RANDOM"
  mkdir -p "$dir"
  local port
  port=$(free_port 18000)
  local t0
  t0=$(now_ns)
  (cd "$dir" && exec env PORT="$port" CIVICDESK_ADMIN_PASSWORD=bench-admin-password "$@" --server.port="$port" \
    >"$dir/app.log" 2>&1) &
  current=$!
  local up= t_up=0 rss_up=0 cpu_up=0
  for _ in $(seq 1 3000); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      t_up=$(now_ns)
      up=1
      break
    fi
    kill -0 "$current" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$up" ] || { cp "$dir/app.log" "$out/failed-$app.log"; log "$app did not report UP; see $out/failed-$app.log"; exit 1; }
  rss_up=$(rss_mib "$current")
  cpu_up=$(cpu_seconds "$current")
  local t_demo=- rss_demo=-
  if [ "$app" = civicdesk ]; then
    curl -fs -m 900 "http://127.0.0.1:$port/api/v1/public/ping" >/dev/null
    t_demo=$(awk -v a="$(now_ns)" -v b="$t0" 'BEGIN {printf "%.2f", (a - b) / 1e9}')
    rss_demo=$(rss_mib "$current")
    grep -q "Loaded the demo city's special-bond reserve" "$dir/app.log" \
      || { cp "$dir/app.log" "$out/failed-$app.log"; log "the demo city is not in; see $out/failed-$app.log"; exit 1; }
  fi
  cp "$dir/app.log" "$out/$app-last.log"
  stop_current
  rm -rf "$dir"
  echo "$(awk -v a="$t_up" -v b="$t0" 'BEGIN {printf "%.2f", (a - b) / 1e9}') $rss_up $t_demo $rss_demo $cpu_up" >"$work/last"
}

results="$out/results.tsv"
printf 'mode\tround\tapp\tseconds_to_up\trss_mib_at_up\tseconds_to_demo\trss_mib_after_demo\tcpu_seconds_to_up\n' >"$results"
for mode in $modes; do
  civicdesk_cmd=$(prepare civicdesk "$civicdesk_jar" "$mode")
  petclinic_cmd=$(prepare petclinic "$petclinic_jar" "$mode")
  for round in $(seq 1 "$rounds"); do
    # Alternately, and each round the other one first, so that neither always starts on a warmer machine.
    order="civicdesk petclinic"
    [ $((round % 2)) -eq 0 ] && order="petclinic civicdesk"
    for app in $order; do
      cmd=$civicdesk_cmd
      [ "$app" = petclinic ] && cmd=$petclinic_cmd
      # shellcheck disable=SC2086
      start_once "$app" $cmd
      read -r up rss demo rss_demo cpu <"$work/last"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$round" "$app" "$up" "$rss" "$demo" "$rss_demo" "$cpu" >>"$results"
      log "$mode round $round: $app UP after ${up}s (${cpu}s of CPU), ${rss} MiB resident; demo city in after ${demo}s, ${rss_demo} MiB"
    done
  done
done

column() { awk -F'\t' -v m="$1" -v a="$2" -v c="$3" 'NR > 1 && $1 == m && $3 == a {print $c}' "$results"; }
{
  echo "Start-up, median of $rounds starts each, started alternately; $(machine)"
  echo "spring-petclinic: $(cat "$out/petclinic-version.txt")"
  printf '%-5s %-10s %8s %8s %8s %10s %10s\n' mode app "UP (s)" "CPU (s)" "RSS MiB" "demo (s)" "RSS MiB"
  for mode in $modes; do
    for app in civicdesk petclinic; do
      printf '%-5s %-10s %8s %8s %8s %10s %10s\n' "$mode" "$app" "$(column "$mode" "$app" 4 | median)" \
        "$(column "$mode" "$app" 8 | median)" "$(column "$mode" "$app" 5 | sort -n | tail -n 1)" "$(column "$mode" "$app" 6 | grep -v '^-$' | median)" \
        "$(column "$mode" "$app" 7 | grep -v '^-$' | sort -n | tail -n 1)"
    done
    c=$(column "$mode" civicdesk 4 | median)
    p=$(column "$mode" petclinic 4 | median)
    rss_max=$(column "$mode" civicdesk 7 | sort -n | tail -n 1)
    echo "$mode: Civic Desk / petclinic = $(ratio "$c" "$p") (goal <= 1.0: $(awk -v r="$(ratio "$c" "$p")" 'BEGIN {print (r <= 1.0 ? "met" : "not met")}')); Civic Desk's largest resident memory ${rss_max} MiB (goal <= $rss_limit_mib MiB: $([ "$rss_max" -le "$rss_limit_mib" ] && echo met || echo "not met"))"
    echo "$mode: CPU to UP, Civic Desk / petclinic = $(ratio "$(column "$mode" civicdesk 8 | median)" "$(column "$mode" petclinic 8 | median)") (indicative on a shared machine)"
  done
  echo "(RSS columns: the largest of the starts; at UP, and once the demo city is in. CPU: user + system time of the process until UP.)"
} | tee "$out/summary.txt"
