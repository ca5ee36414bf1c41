#!/usr/bin/env bash
# The CPU cost of monitoring: runs bench/monitor-cost.js (70 s; monitor.process, monitor.prometheus
# and monitor.http every second, against `salvo demo` in a process of its own) and reads the CPU
# time of salvo's threads from /proc/PID/task/*/stat 2 s after the run starts and 60 s later
# (clock ticks of 10 ms). Prints each thread's CPU seconds and % of one core.
#
# Environment: JDK (a JDK 25 home), BENCH_OUT (keep the results folder), NO_MONITORS=1 (the same
# run without monitors, for comparison).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
JDK=${JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
out=${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/salvo-monitor-cost.XXXXXX")}
mkdir -p "$out"
"$root/salvo" version >/dev/null # builds when the sources changed
export JAVA_HOME=$JDK
salvo=$root/dsl/target/salvo/bin/salvo

"$salvo" demo --port 0 --https-port 0 >"$out/demo.log" 2>&1 &
demo=$!
trap 'kill "$demo" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 'salvo demo target on' "$out/demo.log" && break; sleep 0.2; done
url=$(sed -n 's/.*on \(http:[^ ]*\) .*/\1/p' "$out/demo.log")
sut=$(sed -n 's/.*; pid \([0-9]*\);.*/\1/p' "$out/demo.log")

"$salvo" run --no-progress -e BASE_URL="$url" -e SUT_PID="$sut" ${NO_MONITORS:+-e NO_MONITORS=1} "$root/bench/monitor-cost.js" >"$out/stdout" 2>"$out/stderr" &
launcher=$!
pid=
for _ in $(seq 100); do
  pid=$(pgrep -P "$launcher" java || true)
  [[ -n $pid ]] && break
  pid=$( [[ $(cat /proc/$launcher/comm 2>/dev/null) == java ]] && echo "$launcher" || true)
  [[ -n $pid ]] && break
  sleep 0.1
done
[[ -n $pid ]] || { echo "monitor-cost.sh: no salvo JVM found" >&2; exit 1; }

# thread name and utime+stime (ticks) of every thread of $pid
ticks() {
  for t in /proc/"$pid"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    name=$(cat "$t/comm" 2>/dev/null) || continue
    rest=${stat##*) }
    read -r -a f <<<"$rest"
    echo "$name|$((f[11] + f[12]))"
  done | sort
}

for _ in $(seq 600); do grep -q 'salvo: running' "$out/stderr" && break; sleep 0.1; done
sleep 2 # the first samples and connections are made
ticks >"$out/t0"
start=$SECONDS
while ((SECONDS - start < 60)); do sleep 0.2; done
ticks >"$out/t60"
wait "$launcher" || true

echo "thread CPU over 60 s of the run, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# per thread name: ticks at the end minus ticks at the start (0 for a thread started in between)
awk -F'|' 'FNR == NR {a[$1] += $2; next} {b[$1] += $2} END {for (k in b) printf "%s|%d\n", k, b[k] - a[k]}' "$out/t0" "$out/t60" |
  awk -F'|' '{d = $2 / 100; printf "%-18s %7.2f s  %6.3f%% of a core\n", $1, d, 100 * d / 60}' | sort -t'|' -k1 | sort -k2 -rn -t' '
echo "results: $out"
