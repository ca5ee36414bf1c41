#!/usr/bin/env bash
# Soak: does a long, light run leak? VUS VUs (bench/soak.js: a GET and a check, then a sleep of about
# SLEEP s) against nginx on 127.0.0.1 (bench/honest/nginx.conf, keep-alive) for SOAK_MINUTES. Every
# SOAK_EVERY seconds it samples the salvo process: old-gen occupancy after a full GC (jcmd GC.run,
# then jstat -gc's OU), open file descriptors (/proc/PID/fd), RSS, and the requests and failures so
# far (stats_history.csv). Prints the table, then the verdict: old-gen after GC within X% from
# minute SOAK_SETTLE to the end, fds flat (within SOAK_FD_SLACK), N errors. Exits 1 when the verdict
# fails (in BENCH_SMOKE mode only on errors or a failed run: 20 s say nothing about leaks).
#
# Usage: bench/soak.sh
# Environment: SOAK_MINUTES (30), VUS (200), SLEEP (1 s), SOAK_EVERY (20 s), SOAK_SETTLE (5 minutes),
#   SOAK_MAX_GROWTH (5 %), SOAK_FD_SLACK (2), HEAP (512m), SALVO_DIST (default: this checkout's
#   build), BENCH_SMOKE=1 (20 s, a sample every 5 s: does it still work), BENCH_OUT (keep the logs here).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=${SALVO_DIST:-$root/dsl/target/salvo}
if [[ ${BENCH_SMOKE:-} == 1 ]]; then
  seconds=20 every=${SOAK_EVERY:-5} settle=5
else
  seconds=$(( ${SOAK_MINUTES:-30} * 60 )) every=${SOAK_EVERY:-20} settle=$(( ${SOAK_SETTLE:-5} * 60 ))
fi
VUS=${VUS:-200}
SLEEP=${SLEEP:-1}
HEAP=${HEAP:-512m}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in "$NGINX" python3 curl; do
  command -v "$tool" >/dev/null || { echo "soak.sh: needs $tool (apt-get install nginx-light python3 curl)" >&2; exit 1; }
done
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/soak.XXXXXX")
nginx_pid='' salvo_pid='' launcher=''
cleanup() {
  [[ -n $launcher ]] && kill "$launcher" 2>/dev/null
  [[ -z $nginx_pid ]] || { kill "$nginx_pid" && wait "$nginx_pid"; } 2>/dev/null || true
  if [[ -n ${BENCH_OUT:-} ]]; then mkdir -p "$BENCH_OUT" && cp -r "$work"/. "$BENCH_OUT"/; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/temp"
sed -e "s|@DIR@|$work/nginx|g" -e "s|@PORT@|$port|g" "$root/bench/honest/nginx.conf" >"$work/nginx/nginx.conf"
"$NGINX" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" >"$work/nginx/out" 2>&1 &
nginx_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done

echo "soak.sh: $VUS VUs, ${seconds}s, a sample every ${every}s (load $(cut -d' ' -f1 /proc/loadavg))" >&2
SALVO_OPTS="-Xmx$HEAP -Xlog:gc*:file=$work/gc.log" "$dist/bin/salvo" run "$root/bench/soak.js" --no-progress \
  -e "BASE_URL=http://127.0.0.1:$port/" -e "VUS=$VUS" -e "SLEEP=$SLEEP" -e "DURATION=${seconds}s" \
  --out "$work/results" >"$work/salvo.out" 2>"$work/salvo.err" &
launcher=$!
for _ in $(seq 600); do grep -q 'salvo: running' "$work/salvo.err" 2>/dev/null && break; sleep 0.1; done
grep -q 'salvo: running' "$work/salvo.err" || { cat "$work/salvo.err" >&2; echo "soak.sh: salvo did not start" >&2; exit 1; }
start=$(date +%s)
# The JVM: the launcher itself (it execs java) or, where bash is wrapped, its child.
salvo_pid=$launcher
for _ in 1 2 3; do
  [[ $(basename "$(readlink "/proc/$salvo_pid/exe")") == java ]] && break
  salvo_pid=$(pgrep -P "$salvo_pid" | head -n 1)
done
# jcmd and jstat: salvo's JDK's, else JAVA_HOME's, the PATH's or any JDK's (the distribution's jlink runtime
# has neither; 17's attach to a JVM 25 as well).
bin=''
for dir in "$(dirname "$(readlink "/proc/$salvo_pid/exe")")" ${JAVA_HOME:+"$JAVA_HOME/bin"} \
    "$(dirname "$(command -v jcmd || echo /nonexistent/jcmd)")" /usr/lib/jvm/*/bin; do
  if [[ -x $dir/jcmd && -x $dir/jstat ]]; then bin=$dir; break; fi
done
[[ -n $bin ]] || { echo "soak.sh: needs jcmd and jstat (a JDK)" >&2; exit 1; }

# One line per sample: seconds, old-gen KiB after a full GC, fds, RSS KiB, requests, failures.
echo "t old_kib fds rss_kib requests failures" >"$work/samples"
next=$every
while kill -0 "$salvo_pid" 2>/dev/null; do
  now=$(( $(date +%s) - start ))
  if (( now >= next && now < seconds )); then
    next=$(( next + every ))
    "$bin/jcmd" "$salvo_pid" GC.run >/dev/null 2>&1 || true
    old=$("$bin/jstat" -gc "$salvo_pid" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "OU") c = i } NR == 2 { printf "%d", $c }')
    fds=$(find "/proc/$salvo_pid/fd" -mindepth 1 2>/dev/null | wc -l)
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$salvo_pid/status" 2>/dev/null)
    totals=$(awk -F, '$4 == "Aggregated" { r = $18; f = $19 } END { print r + 0, f + 0 }' "$work/results/stats_history.csv" 2>/dev/null)
    [[ -n $old && -n $rss ]] && echo "$now $old $fds $rss $totals" >>"$work/samples"
  fi
  sleep 1
done
status=0
wait "$launcher" || status=$?
launcher=''
tail -n 3 "$work/salvo.out" >&2

python3 - "$work" "$settle" "${SOAK_MAX_GROWTH:-5}" "${SOAK_FD_SLACK:-2}" "$status" "${BENCH_SMOKE:-0}" <<'PY'
import json, sys
work, settle, max_growth, fd_slack, status, smoke = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6] == "1"
rows = [list(map(int, line.split())) for line in open(f"{work}/samples").read().splitlines()[1:]]
print("| minute | old gen after GC (MiB) | open fds | RSS (MiB) | requests | failed |")
print("|---:|---:|---:|---:|---:|---:|")
for t, old, fds, rss, reqs, fails in rows:
    print(f"| {t / 60:.1f} | {old / 1024:.1f} | {fds} | {rss / 1024:.0f} | {reqs} | {fails} |")
summary = json.load(open(f"{work}/results/summary.json"))
m = summary["metrics"]
failed = int(m.get("http_req_failed", {}).get("values", {}).get("passes", 0))
checks_failed = int(m.get("checks", {}).get("values", {}).get("fails", 0))
iteration_errors = sum(int(e.get("count", 0)) for e in summary.get("iterationErrors", []))
errors = failed + checks_failed + iteration_errors
requests = int(m.get("http_reqs", {}).get("values", {}).get("count", 0))
window = [r for r in rows if r[0] >= settle]
ok = status == 0 and errors == 0 and requests > 0
if window:
    olds, fds = [r[1] for r in window], [r[2] for r in window]
    growth = 100 * (max(olds) - min(olds)) / min(olds)
    fds_flat = max(fds) - min(fds) <= fd_slack
    print(f"\nsoak.sh: old-gen after GC within {growth:.1f}% ({min(olds) / 1024:.1f}–{max(olds) / 1024:.1f} MiB) from minute "
          f"{settle / 60:.1f} to {window[-1][0] / 60:.1f}, fds {'flat' if fds_flat else 'NOT flat'} ({min(fds)}–{max(fds)}), "
          f"{errors} errors in {requests} requests (salvo exit {status})")
    if not smoke:
        ok = ok and growth <= max_growth and fds_flat
else:
    print(f"\nsoak.sh: no sample after the settling time; {errors} errors in {requests} requests (salvo exit {status})")
    ok = ok and smoke
sys.exit(0 if ok else 1)
PY
