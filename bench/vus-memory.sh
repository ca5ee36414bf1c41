#!/usr/bin/env bash
# Memory of many idle-waiting VUs: VUS VUs loop GET /health + sleep(SLEEP) (bench/idle-vus.js)
# against the demo target (its own process) for DURATION with the JVM heap capped at HEAP. Prints
# the salvo process's peak RSS (VmHWM), its heap after a full GC (jcmd GC.run, then GC.heap_info)
# taken at GC_AT seconds into the run, per 1,000 VUs, and the VU start-up time (seconds from launch
# until the progress line first shows all VUs running), as a Markdown table row; fails on an
# OutOfMemoryError.
#
# Usage: bench/vus-memory.sh                       (issue 9: 50,000 VUs, worker isolation, 2 minutes)
#        ISOLATION=vu VUS=10000 bench/vus-memory.sh (10,000 VUs with a JS context each)
#        SCRIPT=bench/idle-vus-k6.js ISOLATION=vu VUS=1000 bench/vus-memory.sh (the same as a k6 script)
# Environment: VUS (50000), DURATION (2m), HEAP (4g), ISOLATION (worker | vu), GC_AT (100), SLEEP (5),
#   CLOSE (1: Connection: close on every request, so a sleeping VU holds no socket; needed above
#   ~19,000 VUs where the open-files limit is 20,000 and cannot be raised), WORKERS (default: cores),
#   SALVO_JS_RUNTIME (as for salvo), SALVO_DIST (the salvo that runs the VUs: this checkout's JVM
#   distribution dsl/target/salvo by default; dsl/target/salvo-native for the native one: RSS and start-up only, it
#   has no jcmd for the heap), BENCH_OUT (keep the logs here).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
VUS=${VUS:-50000}
DURATION=${DURATION:-2m}
HEAP=${HEAP:-4g}
ISOLATION=${ISOLATION:-worker}
SCRIPT=$(cd "$(dirname "${SCRIPT:-$root/bench/idle-vus.js}")" && pwd -P)/$(basename "${SCRIPT:-idle-vus.js}")
GC_AT=${GC_AT:-100}
SLEEP=${SLEEP:-5}
CLOSE=${CLOSE:-1}
out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null # builds salvo first when its sources changed
dist=${SALVO_DIST:-$root/dsl/target/salvo}
# The demo target is the JVM distribution's whichever salvo runs the VUs.
SALVO_OPTS="-Xmx512m" "$root/dsl/target/salvo/bin/salvo" demo --host 127.0.0.1 --port "$port" --https-port 0 >"$out/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

workers=()
[[ -n ${WORKERS:-} ]] && workers=(--workers "$WORKERS")
start=$(date +%s)
SALVO_OPTS="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError" "$dist/bin/salvo" run "$SCRIPT" -u "$VUS" -t "$DURATION" \
  -e "BASE_URL=http://127.0.0.1:$port" -e "ISOLATION=$ISOLATION" -e "CLOSE=$CLOSE" -e "SLEEP=$SLEEP" \
  --progress-interval 1s ${workers[@]+"${workers[@]}"} \
  >"$out/salvo.out" 2>"$out/salvo.err" &
launcher=$!
sleep 2
pid=$(salvo_pid "$SCRIPT")
[[ -n $pid ]] || { cat "$out/salvo.err" >&2; echo "vus-memory.sh: salvo did not start" >&2; exit 1; }

heap=''
hwm=0
while kill -0 "$pid" 2>/dev/null; do
  now=$(( $(date +%s) - start ))
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  (( rss > hwm )) && hwm=$rss
  if [[ -z $heap && $now -ge $GC_AT ]]; then
    heap=$(heap_after_gc "$pid" "$out/heap_info.txt")
  fi
  sleep 1
done
status=0
wait "$launcher" || status=$?
fail_on_oom vus-memory.sh "$out"
reqs=$(sed -n 's/^ *http_reqs\.* *\([0-9]*\).*/\1/p' "$out/salvo.out" | head -n 1)
vusmax=$(sed -n 's/^ *vus_max\.* *\([0-9]*\).*/\1/p' "$out/salvo.out" | head -n 1)
heap_mb=$(awk -v k="${heap:-0}" 'BEGIN { printf "%.0f", k / 1024 }')
per_k_heap=$(awk -v k="${heap:-0}" -v n="$VUS" 'BEGIN { printf "%.1f", k / 1024 / (n / 1000) }')
# The first progress line ("[  12s] vus=N ...") with every VU running.
vus_up=$(awk -v n="$VUS" '/^ *\[ *[0-9]+s\] vus=/ { v = $0; sub(/.*vus=/, "", v); sub(/ .*/, "", v)
    if (v + 0 >= n) { t = $0; sub(/^ *\[ */, "", t); sub(/s\].*/, "", t); print t "s"; exit } }' "$out/salvo.err")
per_k_rss=$(awk -v k="$hwm" -v n="$VUS" 'BEGIN { printf "%.1f", k / 1024 / (n / 1000) }')
echo "| $VUS | $ISOLATION | $HEAP | $DURATION | ${vusmax:-?} | ${vus_up:-?} | ${reqs:-?} | $(( hwm / 1024 )) | $per_k_rss | $heap_mb | $per_k_heap | exit $status |"
echo "logs: $out" >&2
