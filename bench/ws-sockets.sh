#!/usr/bin/env bash
# WebSocket capacity: the demo target as its own process (each process has its own open-files budget),
# then a salvo run holding SOCKETS sockets to its /ws/ticker, each receiving SYMBOLS ticks (one per
# symbol, written together) every INTERVAL ms.
# Prints sockets held (open at the middle of the hold), messages/s received (median of the seconds
# when all sockets were open), the salvo process's heap after a full GC per 1,000 sockets, as a
# Markdown table row. Fails when fewer than 90% of the sockets asked for were held (a shared machine
# can be too slow to open the last few within the ramp).
#
# Usage: bench/ws-sockets.sh
# Environment: SOCKETS (10000), PER_VU (100), SYMBOLS (10), INTERVAL (1000 ms), RAMP (20 s to open them all),
#   HOLD (55 s from the start until they close), TARGETS (1: how many 127.0.0.x addresses to spread
#   the sockets over, when ephemeral ports run short), HEAP (2g), WORKERS (default: cores),
#   BENCH_SMOKE=1 (200 sockets, ramp 2 s, hold 20 s: does it still work), SALVO_DIST (the salvo that runs the
#   sockets, as for bench/vus-memory.sh), BENCH_OUT (keep the logs here).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
if [[ ${BENCH_SMOKE:-} == 1 ]]; then
  SOCKETS=${SOCKETS:-200} PER_VU=${PER_VU:-20} RAMP=${RAMP:-2} HOLD=${HOLD:-20}
fi
SOCKETS=${SOCKETS:-10000}
PER_VU=${PER_VU:-100}
INTERVAL=${INTERVAL:-1000}
SYMBOLS=${SYMBOLS:-10}
RAMP=${RAMP:-20}
HOLD=${HOLD:-55}
TARGETS=${TARGETS:-1}
HEAP=${HEAP:-2g}
out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"
vus=$(( (SOCKETS + PER_VU - 1) / PER_VU ))

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
host=127.0.0.1
(( TARGETS > 1 )) && host=0.0.0.0
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null # builds salvo first when its sources changed
dist=${SALVO_DIST:-$root/dsl/target/salvo}
SALVO_OPTS="-Xmx1g" "$root/dsl/target/salvo/bin/salvo" demo --host "$host" --port "$port" --https-port 0 >"$out/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true' EXIT
for _ in $(seq 900); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
urls=$(seq 1 "$TARGETS" | sed "s|.*|ws://127.0.0.&:$port|" | paste -sd, -)

workers=()
[[ -n ${WORKERS:-} ]] && workers=(--workers "$WORKERS")
SALVO_OPTS="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError" "$dist/bin/salvo" run "$root/bench/ws-sockets.js" --no-progress \
  -e "WS_URLS=$urls" -e "VUS=$vus" -e "PER_VU=$PER_VU" -e "INTERVAL=$INTERVAL" -e "SYMBOLS=$SYMBOLS" -e "RAMP=$RAMP" -e "HOLD=$HOLD" \
  --out "$out/results" ${workers[@]+"${workers[@]}"} >"$out/salvo.out" 2>"$out/salvo.err" &
launcher=$!
# The hold is timed from the run's start, after the JVM and the script loaded.
for _ in $(seq 900); do grep -q 'salvo: running' "$out/salvo.err" 2>/dev/null && break; sleep 0.1; done
start=$(date +%s)
pid=$(salvo_pid "$root/bench/ws-sockets.js")
[[ -n $pid ]] || { cat "$out/salvo.err" >&2; echo "ws-sockets.sh: salvo did not start" >&2; exit 1; }

# The middle of the hold: every socket open, the rate steady.
probe_at=$(( RAMP + (HOLD - RAMP) / 2 ))
held='' heap=''
while kill -0 "$pid" 2>/dev/null; do
  if [[ -z $held && $(( $(date +%s) - start )) -ge $probe_at ]]; then
    held=$(ss -Htn state established "( dport = :$port )" 2>/dev/null | wc -l)
    heap=$(heap_after_gc "$pid" "$out/heap_info.txt")
  fi
  sleep 1
done
status=0
wait "$launcher" || status=$?
fail_on_oom ws-sockets.sh "$out"
# Messages/s: per second, the sum over every tag set; the median of the seconds between the end of
# the ramp (plus 2 s) and the start of the closing.
rate=$(python3 - "$out/results/metrics.csv" "$RAMP" "$HOLD" <<'PY'
import csv, sys, statistics
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["metric"] == "ws_msgs_received"]
per = {}
for r in rows:
    per[int(float(r["timestamp"]))] = per.get(int(float(r["timestamp"])), 0) + float(r["rate"])
if not per:
    print(0); sys.exit()
t0 = min(per)
steady = [v for t, v in per.items() if int(sys.argv[2]) + 2 <= t - t0 < int(sys.argv[3]) - 1] or list(per.values())
print(round(statistics.median(steady)))
PY
)
sessions=$(sed -n 's/^ *ws_sessions\.* *\([0-9]*\).*/\1/p' "$out/salvo.out" | head -n 1)
errors=$(sed -n 's/^ *ws_errors\.* *\([0-9]*\).*/\1/p' "$out/salvo.out" | head -n 1)
heap_mb=$(awk -v k="${heap:-0}" 'BEGIN { printf "%.0f", k / 1024 }')
per_k_heap=$(awk -v k="${heap:-0}" -v n="$SOCKETS" 'BEGIN { printf "%.1f", k / 1024 / (n / 1000) }')
echo "| $SOCKETS | $TARGETS | $SYMBOLS / $INTERVAL ms | ${held:-?} | ${sessions:-0} | ${errors:-0} | $rate | $heap_mb | $per_k_heap | exit $status |"
echo "logs: $out" >&2
if (( ${held:-0} * 10 < SOCKETS * 9 )); then
  echo "ws-sockets.sh: held ${held:-0} of $SOCKETS sockets (logs in $out)" >&2
  exit 1
fi
