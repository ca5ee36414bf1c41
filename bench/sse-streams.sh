#!/usr/bin/env bash
# Server-Sent Events capacity: the demo target as its own process, then a salvo run holding STREAMS
# streams to its /sse feed, each receiving RATE events of SIZE bytes a second, for HOLD seconds from
# the start (the first RAMP seconds open them).
# Prints streams held (open at the middle of the hold), events/s received (median of the seconds when
# all streams were open), sse_errors, the salvo process's heap after a full GC and per 1,000 streams,
# and the load average beside it, as a Markdown table row. Fails when fewer than 90% of the streams
# asked for were held.
#
# Usage: bench/sse-streams.sh
# Environment: STREAMS (5000), PER_VU (100), RATE (1 event/s), SIZE (64 bytes), RAMP (20 s), HOLD (80 s:
#   the ramp, then 60 s with every stream open), HEAP (2g), WORKERS (default: cores),
#   BENCH_SMOKE=1 (200 streams, ramp 2 s, hold 10 s: does it still work), SALVO_DIST (the salvo that runs the
#   streams, as for bench/vus-memory.sh), BENCH_OUT (keep the logs here).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
if [[ ${BENCH_SMOKE:-} == 1 ]]; then
  STREAMS=${STREAMS:-200} PER_VU=${PER_VU:-20} RAMP=${RAMP:-2} HOLD=${HOLD:-10}
fi
STREAMS=${STREAMS:-5000}
PER_VU=${PER_VU:-100}
RATE=${RATE:-1}
SIZE=${SIZE:-64}
RAMP=${RAMP:-20}
HOLD=${HOLD:-80}
HEAP=${HEAP:-2g}
out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"
vus=$(( (STREAMS + PER_VU - 1) / PER_VU ))

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null # builds salvo first when its sources changed
dist=${SALVO_DIST:-$root/dsl/target/salvo}
SALVO_OPTS="-Xmx1g" "$root/dsl/target/salvo/bin/salvo" demo --port "$port" --https-port 0 >"$out/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true' EXIT
for _ in $(seq 900); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "$demo" 2>/dev/null || { cat "$out/demo.log" >&2; echo "sse-streams.sh: the demo target did not start" >&2; exit 1; }
  sleep 0.2
done

workers=()
[[ -n ${WORKERS:-} ]] && workers=(--workers "$WORKERS")
SALVO_OPTS="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError" "$dist/bin/salvo" run "$root/bench/sse-streams.js" --no-progress \
  -e "BASE_URL=http://127.0.0.1:$port" -e "VUS=$vus" -e "PER_VU=$PER_VU" -e "RATE=$RATE" -e "SIZE=$SIZE" \
  -e "RAMP=$RAMP" -e "HOLD=$HOLD" --out "$out/results" ${workers[@]+"${workers[@]}"} >"$out/salvo.out" 2>"$out/salvo.err" &
launcher=$!
# The hold is timed from the run's start, after the JVM and the script loaded.
for _ in $(seq 900); do grep -q 'salvo: running' "$out/salvo.err" 2>/dev/null && break; sleep 0.1; done
start=$(date +%s)
pid=$(salvo_pid "$root/bench/sse-streams.js")
[[ -n $pid ]] || { cat "$out/salvo.err" >&2; echo "sse-streams.sh: salvo did not start" >&2; exit 1; }

# The middle of the hold: every stream open, the rate steady.
probe_at=$(( RAMP + (HOLD - RAMP) / 2 ))
held='' heap='' load=''
while kill -0 "$pid" 2>/dev/null; do
  if [[ -z $held && $(( $(date +%s) - start )) -ge $probe_at ]]; then
    held=$(ss -Htn state established "( dport = :$port )" 2>/dev/null | wc -l)
    heap=$(heap_after_gc "$pid" "$out/heap_info.txt")
    load=$(cut -d' ' -f1 /proc/loadavg)
  fi
  sleep 1
done
status=0
wait "$launcher" || status=$?
fail_on_oom sse-streams.sh "$out"
# Events/s: per second, the sum over every tag set; the median of the seconds between the end of the
# ramp (plus 2 s) and the start of the closing.
rate=$(python3 - "$out/results/metrics.csv" "$RAMP" "$HOLD" <<'PY'
import csv, sys, statistics
per = {}
for r in csv.DictReader(open(sys.argv[1])):
    if r["metric"] == "sse_events":
        t = int(float(r["timestamp"]))
        per[t] = per.get(t, 0) + float(r["rate"])
if not per:
    print(0); sys.exit()
t0 = min(per)
steady = [v for t, v in per.items() if int(sys.argv[2]) + 2 <= t - t0 < int(sys.argv[3]) - 1] or list(per.values())
print(round(statistics.median(steady)))
PY
)
errors=$(sed -n 's/^ *sse_errors\.* *\([0-9]*\).*/\1/p' "$out/salvo.out" | head -n 1)
heap_mb=$(awk -v k="${heap:-0}" 'BEGIN { printf "%.0f", k / 1024 }')
per_k_heap=$(awk -v k="${heap:-0}" -v n="$STREAMS" 'BEGIN { printf "%.1f", k / 1024 / (n / 1000) }')
echo "| $STREAMS | $RATE/s × $SIZE B | ${held:-?} | ${errors:-0} | $rate | $heap_mb | $per_k_heap | ${load:-?} | exit $status |"
echo "logs: $out" >&2
if (( ${held:-0} * 10 < STREAMS * 9 )); then
  echo "sse-streams.sh: held ${held:-0} of $STREAMS streams (logs in $out)" >&2
  exit 1
fi
