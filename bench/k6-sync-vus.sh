#!/usr/bin/env bash
# The k6 layer's two modes side by side (docs/k6.md, "Which mode"): VUS VUs of bench/k6-sync-vus.js (GET /health,
# check, sleep(SLEEP)) against the demo target (its own process) for DURATION, once with --k6-mode rewrite (async
# VUs on the event loops) and once with --k6-mode sync (a virtual thread per VU), each in a fresh salvo process
# with the heap capped at HEAP. Prints a Markdown table, a row per mode: requests, failed requests, failed checks,
# iteration errors, the heap after a full GC (jcmd GC.run, GC.heap_info) at GC_AT seconds and per 1,000 VUs, the
# CPU seconds of the salvo process (user+sys, start-up and JIT included) and requests per CPU-second. Exits 1 when
# a mode had an error (a failed request or check, an iteration error, a non-zero exit) or ran out of heap.
#
# Usage: bench/k6-sync-vus.sh                          (issue 23: 1,000 VUs, 60 s per mode)
#        VUS=100 DURATION=10s GC_AT=8 bench/k6-sync-vus.sh   (a short correctness run)
# Environment: VUS (1000), DURATION (60s), SLEEP (1), HEAP (2g), GC_AT (50), MODES ("rewrite sync"),
#   WORKERS (default: cores), SALVO_JS_RUNTIME (as for salvo), SALVO_DIST (the salvo that runs the VUs,
#   as for bench/vus-memory.sh), BENCH_OUT (keep the logs here).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
VUS=${VUS:-1000}
DURATION=${DURATION:-60s}
SLEEP=${SLEEP:-1}
HEAP=${HEAP:-2g}
GC_AT=${GC_AT:-50}
MODES=${MODES:-rewrite sync}
script=$root/bench/k6-sync-vus.js
out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null # builds salvo first when its sources changed
dist=${SALVO_DIST:-$root/dsl/target/salvo}
SALVO_JS_RUNTIME=interpreter SALVO_OPTS="-Xmx512m" "$root/dsl/target/salvo/bin/salvo" demo --host 127.0.0.1 --port "$port" --https-port 0 \
  >"$out/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

workers=()
[[ -n ${WORKERS:-} ]] && workers=(--workers "$WORKERS")
failed=0
echo "| mode | VUs | run | requests | failed requests | failed checks | iteration errors | heap after GC MB | heap MB / 1,000 VUs | CPU s | req / CPU-s | result |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for mode in $MODES; do
  run=$out/$mode
  mkdir -p "$run"
  start=$(date +%s)
  SALVO_OPTS="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError" /usr/bin/time -f '%U %S' -o "$run/time" \
    "$dist/bin/salvo" run "$script" --k6-mode "$mode" -u "$VUS" -t "$DURATION" -e "BASE_URL=http://127.0.0.1:$port" \
    -e "SLEEP=$SLEEP" --no-progress --out "$run/results" ${workers[@]+"${workers[@]}"} \
    >"$run/salvo.out" 2>"$run/salvo.err" &
  launcher=$!
  pid=''
  for _ in $(seq 50); do
    pid=$(salvo_pid "$script --k6-mode $mode")
    [[ -n $pid ]] && break
    sleep 0.2
  done
  [[ -n $pid ]] || { cat "$run/salvo.err" >&2; echo "k6-sync-vus.sh: salvo did not start" >&2; exit 1; }
  heap=''
  while kill -0 "$pid" 2>/dev/null; do
    if [[ -z $heap && $(( $(date +%s) - start )) -ge $GC_AT ]]; then heap=$(heap_after_gc "$pid" "$run/heap_info.txt"); fi
    sleep 1
  done
  status=0
  wait "$launcher" || status=$?
  fail_on_oom k6-sync-vus.sh "$run"
  # requests | failed requests | failed checks | iteration errors | heap MB | heap MB per 1,000 VUs | CPU s | req per CPU-s
  row=$(python3 - "$run/results/summary.json" "$run/time" "${heap:-0}" "$VUS" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
metrics = summary["metrics"]
value = lambda name, key: (metrics.get(name) or {}).get("values", {}).get(key) or 0
reqs = value("http_reqs", "count")
cpu = sum(float(x) for x in open(sys.argv[2]).read().split()[-2:])
heap_mb = int(sys.argv[3]) / 1024
print(" | ".join([str(int(reqs)), str(int(value("http_req_failed", "passes"))), str(sum(c["fails"] for c in summary["checks"])),
                  str(sum(e["count"] for e in summary["iterationErrors"])), f"{heap_mb:.0f}", f"{heap_mb / (int(sys.argv[4]) / 1000):.1f}",
                  f"{cpu:.1f}", f"{reqs / cpu:,.0f}" if cpu > 0 else "?"]))
PY
  )
  IFS='|' read -r _ bad badchecks errors _ <<<"$row"
  if (( status != 0 || ${bad// /} != 0 || ${badchecks// /} != 0 || ${errors// /} != 0 )); then failed=1; fi
  echo "| $mode | $VUS | $DURATION | $row | exit $status |"
done
echo "logs: $out" >&2
exit "$failed"
