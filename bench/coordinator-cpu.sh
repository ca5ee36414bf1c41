#!/usr/bin/env bash
# The coordinator's CPU while it sums a fleet live: 'salvo coordinate' and 3 shards
# ('salvo run --segment I/3 --coordinator URL', bench/coordinator-cpu.js) against TARGET_URL (default:
# salvo's demo target, started here). Prints the fleet's requests per second and the coordinator's
# CPU seconds over the released run (from /proc/PID/stat) as a % of one core. The goal (issue 26):
# under 5% of one core at 3 shards x 20,000 req/s (RATE=60000 against nginx: bench/honest/nginx.conf).
# Usage: bench/coordinator-cpu.sh   Environment: RATE (whole fleet, default 60000), DURATION (default 30s),
#   VUS per shard (default 200), TARGET_URL, SALVO_DIST (default: this checkout's build), BENCH_OUT (keep the logs),
#   LIVE=1 (the coordinator also keeps the live view that --web and --metrics-port serve: --metrics-port 0).
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

await() {
  for _ in $(seq 1200); do
    if grep -q -o -m1 "$2" "$1" 2>/dev/null; then grep -o -m1 "$2" "$1"; return 0; fi
    sleep 0.05
  done
  echo "coordinator-cpu.sh: nothing matched '$2' in $1" >&2
  cat "$1" >&2
  return 1
}
# utime + stime of a process, in clock ticks
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

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
