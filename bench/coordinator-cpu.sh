#!/usr/bin/env bash
# The coordinator's CPU while it sums a fleet live: 'salvo coordinate' and 3 shards
# ('salvo run --segment I/3 --coordinator URL', bench/coordinator-cpu.js) against TARGET_URL (default:
# salvo's demo target, started here). Prints the fleet's requests per second and the coordinator's
# CPU seconds over the released run (from /proc/PID/stat) as a % of one core. The goal (issue 26):
# under 5% of one core at 3 shards x 20,000 req/s (RATE=60000 against nginx: bench/honest/nginx.conf).
# Usage: bench/coordinator-cpu.sh   Environment: RATE (whole fleet, default 60000), DURATION (default 30s),
#   VUS per shard (default 200), TARGET_URL, SALVO_DIST (default: this checkout's build), BENCH_OUT (keep the logs),
#   LIVE=1 (the coordinator also keeps the live view that --web and --metrics-port serve: --metrics-port 0).
# SYNTHETIC=1: synthetic shards instead (bench/SyntheticShards.java: SHARDS in one process, each sending what a
#   shard of RATE requests/s sends, without sending requests), for the rates this machine cannot generate. Two runs:
#   the coordinator alone, then with --web and --metrics-port, polled once a second as an open page and a scraper
#   would. Prints each run's coordinator CPU (user+sys from /proc/PID/stat, as % of one core, over the steady part:
#   from WARMUP after the release to the first shard's end), its RSS (at the end of that part) and peak RSS, and
#   the interval messages' sizes. Environment: SHARDS (default 3), RATE (per shard, default 20000), DURATION
#   (default 60s), WARMUP (seconds, default 10), JDK (a JDK >= 25 with javac for the source launch; default:
#   SALVO_JAVA_HOME, JAVA_HOME, then /usr/lib/jvm/*25*), RUNS (default "plain web"), POLL=0 (no polling of the
#   web run), JAVA_OPTS (the coordinator's JVM, e.g. -Xmx256m), SALVO_DIST, BENCH_OUT. Example:
#   SYNTHETIC=1 SHARDS=3 RATE=20000 DURATION=60s bench/coordinator-cpu.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=${SALVO_DIST:-$root/dsl/target/salvo}
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null
salvo=$dist/bin/salvo
rate=${RATE:-60000}
duration=${DURATION:-30s}
vus=${VUS:-200}

work=$(mktemp -d "${TMPDIR:-/tmp}/coordinator-cpu.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [[ -n ${BENCH_OUT:-} ]]; then mkdir -p "$BENCH_OUT" && cp -r "$work"/. "$BENCH_OUT"/; fi
  rm -rf "$work"
}
trap cleanup EXIT

# await FILE PATTERN [SECONDS, default 60]: prints the first match
await() {
  for _ in $(seq $((${3:-60} * 20))); do
    if grep -q -o -m1 "$2" "$1" 2>/dev/null; then grep -o -m1 "$2" "$1"; return 0; fi
    sleep 0.05
  done
  echo "coordinator-cpu.sh: nothing matched '$2' in $1" >&2
  cat "$1" >&2
  return 1
}
# utime + stime of a process, in clock ticks
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

if [[ -n ${SYNTHETIC:-} ]]; then
  shards=${SHARDS:-3}
  per_shard=${RATE:-20000}
  duration=${DURATION:-60s}
  warmup=${WARMUP:-10}
  jdk=${JDK:-}
  if [[ -z $jdk ]]; then
    for j in "${SALVO_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
      if [[ -n $j && -x $j/bin/javac ]] && "$j/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then jdk=$j; break; fi
    done
  fi
  [[ -n $jdk ]] || { echo "coordinator-cpu.sh: SYNTHETIC=1 needs a JDK >= 25 with javac: set JDK" >&2; exit 2; }
  script=$root/bench/coordinator-synthetic.js
  hz=$(getconf CLK_TCK)
  rss() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
  # one run: $1 names it, the rest are the coordinator's extra flags
  synthetic() {
    local name=$1 dir=$work/$1 coordinator url web='' poller='' t0 c0 t1 c1 rss_kb hwm_kb code=0
    shift
    mkdir -p "$dir"
    "$salvo" coordinate "$script" --shards "$shards" --port 0 --out "$dir/fleet" "$@" >"$dir/coordinator.log" 2>&1 &
    coordinator=$!
    pids+=("$coordinator")
    url=$(await "$dir/coordinator.log" 'ws://127\.0\.0\.1:[0-9]*/fleet')
    if [[ $* == *--web* ]]; then
      web=$(await "$dir/coordinator.log" 'web UI at http://127\.0\.0\.1:[0-9]*/')
      web=${web#web UI at }
      metrics=$(await "$dir/coordinator.log" 'Prometheus metrics at http://127\.0\.0\.1:[0-9]*/metrics')
      metrics=${metrics#Prometheus metrics at }
    fi
    if [[ -n $web && ${POLL:-1} != 0 ]]; then
      # an open page asks for /api/stats once a second, a Prometheus scraper for /metrics
      ( while kill -0 "$coordinator" 2>/dev/null; do
          curl -s -o /dev/null "${web}api/stats?since=$(($(date +%s%3N) - 2000))" || true
          curl -s -o /dev/null "$metrics" || true
          sleep 1
        done ) &
      poller=$!
      pids+=("$poller")
    fi
    "$jdk/bin/java" -Dpolyglot.engine.WarnInterpreterOnly=false --enable-native-access=ALL-UNNAMED -cp "$dist/lib/*" \
      "$root/bench/SyntheticShards.java" --coordinator "$url" --script "$script" --shards "$shards" --rate "$per_shard" \
      --duration "$duration" --out "$dir/shards" >"$dir/synthetic.log" 2>&1 &
    local synth=$!
    pids+=("$synth")
    await "$dir/coordinator.log" "released $shards of $shards" >/dev/null
    sleep "$warmup"
    t0=$(date +%s.%N); c0=$(ticks "$coordinator")
    await "$dir/coordinator.log" 'finished (exit' $((${duration%s} + 120)) >/dev/null
    t1=$(date +%s.%N); c1=$(ticks "$coordinator")
    rss_kb=$(rss "$coordinator" VmRSS); hwm_kb=$(rss "$coordinator" VmHWM)
    wait "$synth" || { echo "coordinator-cpu.sh: the synthetic shards failed:" >&2; cat "$dir/synthetic.log" >&2; return 1; }
    if [[ -n $web ]]; then
      await "$dir/coordinator.log" 'results stay at' >/dev/null
      curl -s -o /dev/null -X POST "${web}api/quit" || true
    fi
    wait "$coordinator" || code=$?
    [[ -n $poller ]] && { kill "$poller" 2>/dev/null || true; }
    awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$hz" -v name="$name" -v code="$code" -v rss="$rss_kb" -v hwm="$hwm_kb" \
      -v n="$(awk -F, 'NR > 1 { n += $2 } END { print n + 0 }' "$dir/fleet/fleet_history.csv")" 'BEGIN {
      wall = t1 - t0; cpu = (c1 - c0) / hz
      printf "%s: coordinator CPU %.2f s over %.1f s = %.2f%% of one core; RSS %.0f MB (peak %.0f MB); %d requests merged; exit %d\n",
        name, cpu, wall, 100 * cpu / wall, rss / 1024, hwm / 1024, n, code
    }'
    sed 's/^/  /' "$dir/synthetic.log" | grep 'synthetic shard'
  }
  echo "synthetic: $shards shards x $per_shard requests/s for $duration (bench/SyntheticShards.java); CPU from ${warmup} s after the release"
  for run in ${RUNS:-plain web}; do
    case $run in
      plain) synthetic plain ;;
      web) synthetic web --web --web-port 0 --metrics-port 0 ;;
      *) echo "coordinator-cpu.sh: RUNS takes plain and web, not $run" >&2; exit 2 ;;
    esac
  done
  exit 0
fi

target=${TARGET_URL:-}
if [[ -z $target ]]; then
  "$salvo" demo --port 0 --https-port 0 >"$work/demo.log" 2>&1 &
  pids+=($!)
  target=$(await "$work/demo.log" 'http://127\.0\.0\.1:[0-9]*')
fi

live=()
[[ -n ${LIVE:-} ]] && live=(--metrics-port 0)
"$salvo" coordinate "$root/bench/coordinator-cpu.js" --shards 3 --port 0 --out "$work/fleet" "${live[@]}" >"$work/coordinator.log" 2>&1 &
coordinator=$!   # the launcher execs the JVM: this is the process whose CPU is measured
pids+=("$coordinator")
url=$(await "$work/coordinator.log" 'ws://127\.0\.0\.1:[0-9]*/fleet')

for i in 0 1 2; do
  "$salvo" run "$root/bench/coordinator-cpu.js" -q --no-progress --segment "$i/3" --coordinator "$url" \
    -e BASE_URL="$target" -e RATE="$rate" -e DURATION="$duration" -e VUS="$vus" --out "$work/$i" >"$work/shard-$i.log" 2>&1 &
  pids+=($!)
done

await "$work/coordinator.log" 'released 3 of 3' >/dev/null
t0=$(date +%s.%N); c0=$(ticks "$coordinator")
await "$work/coordinator.log" 'finished (exit' >/dev/null
t1=$(date +%s.%N); c1=$(ticks "$coordinator")
code=0
wait "$coordinator" || code=$?
hz=$(getconf CLK_TCK)
requests=$(awk -F, 'NR > 1 { n += $2 } END { print n + 0 }' "$work/fleet/fleet_history.csv")
awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$hz" -v n="$requests" -v code="$code" 'BEGIN {
  wall = t1 - t0; cpu = (c1 - c0) / hz
  printf "fleet: %d requests in %.1f s (%.0f req/s over 3 shards); coordinator exit %d\n", n, wall, n / wall, code
  printf "coordinator CPU: %.2f s over %.1f s = %.1f%% of one core\n", cpu, wall, 100 * cpu / wall
}'
