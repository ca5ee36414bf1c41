#!/usr/bin/env bash
# Is salvo's first second the target's or salvo's? Against nginx on 127.0.0.1 (bench/honest/nginx.conf):
#  1. closed model, 20 connections/VUs, 20 s, a server that holds each request 5 ms: wrk's p50 and
#     salvo's (bench/get-check.js -u 20 -t 20s), and salvo's p50 in every second (metrics.csv);
#  2. open model, 1000 iterations/s for 20 s against the fast location (bench/honest/arrival-1000.js):
#     salvo's http_req_service_time and http_req_duration p99, dropped iterations and the requests
#     salvo saw late, next to wrk's p99 at 10 connections (the server plus loopback);
#  3. connecting on loopback: one VU, a new connection per request (bench/honest/connect.js), 20 s:
#     salvo's http_req_connecting p50 (the whole run and its last 10 s) next to the median of 2,000
#     blocking connect() calls from Python to the same nginx (the socket's own connect time).
# Usage: bench/honest-latency.sh   Environment: SALVO_DIST (default: this checkout's build),
#   SALVO_OPTS (salvo's JVM), BENCH_OUT (keep the logs there).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dist=${SALVO_DIST:-$root/dsl/target/salvo}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in "$NGINX" wrk python3; do
  command -v "$tool" >/dev/null || { echo "honest-latency.sh: needs $tool (apt-get install nginx-light wrk python3)" >&2; exit 1; }
done
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/honest.XXXXXX")
nginx_pid=''
cleanup() {
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
base=http://127.0.0.1:$port

# wrk_pct OUT PCT: the percentile line of wrk --latency in ms.
wrk_pct() {
  awk -v p="$2%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$1"
}

echo "honest-latency.sh: 1. closed, 20 connections, 20 s, 5 ms server (load $(cut -d' ' -f1 /proc/loadavg))" >&2
wrk -t1 -c20 -d20s --latency "$base/delay" >"$work/wrk-delay.out"
"$dist/bin/salvo" run "$root/bench/get-check.js" -u 20 -t 20s -e "BASE_URL=$base/delay" --no-progress --out "$work/closed" \
  >"$work/closed.out" 2>&1 || { tail "$work/closed.out" >&2; exit 1; }
echo "honest-latency.sh: 2. open, 1000/s, 20 s, fast server (load $(cut -d' ' -f1 /proc/loadavg))" >&2
wrk -t1 -c10 -d10s --latency "$base/" >"$work/wrk-fast.out"
"$dist/bin/salvo" run "$root/bench/honest/arrival-1000.js" -e "BASE_URL=$base/" --no-progress --out "$work/open" \
  >"$work/open.out" 2>&1 || { tail "$work/open.out" >&2; exit 1; }

echo "honest-latency.sh: 3. connecting, 1 VU, a connection per request, 20 s (load $(cut -d' ' -f1 /proc/loadavg))" >&2
"$dist/bin/salvo" run "$root/bench/honest/connect.js" -e "BASE_URL=$base/" --no-progress --out "$work/connect" \
  >"$work/connect.out" 2>&1 || { tail "$work/connect.out" >&2; exit 1; }

python3 - "$work" "$(wrk_pct "$work/wrk-delay.out" 50)" "$(wrk_pct "$work/wrk-fast.out" 99)" "$port" <<'PY'
import csv, json, socket, sys, time
work, wrk_p50, wrk_fast_p99, port = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
closed = json.load(open(f"{work}/closed/summary.json"))["metrics"]
p50 = closed["http_req_duration"]["values"]["med"]
seconds = [float(r["p50"]) for r in csv.DictReader(open(f"{work}/closed/metrics.csv")) if r["metric"] == "http_req_duration"]
late = closed.get("salvo_late_requests", {}).get("values", {}).get("count", 0)
after2 = seconds[2:-1]  # the last row is a partial second
worst = max(after2, key=lambda v: abs(v - wrk_p50)) if after2 else float("nan")
print(f"1. closed model, 20 connections, 20 s, server holds 5 ms: wrk p50 {wrk_p50:.2f} ms; salvo p50 {p50:.2f} ms "
      f"({100 * (p50 - wrk_p50) / wrk_p50:+.0f}%), {int(closed['http_reqs']['values']['count'])} requests, {int(late)} seen late")
print("   salvo p50 per second (ms): " + " · ".join(f"{v:.2f}" for v in seconds))
print(f"   after second 2, the one furthest from wrk's p50: {worst:.2f} ms ({100 * (worst - wrk_p50) / wrk_p50:+.0f}%)")
o = json.load(open(f"{work}/open/summary.json"))["metrics"]
g = lambda m, k: o.get(m, {}).get("values", {}).get(k, 0)
print(f"2. open model, 1000/s for 20 s, fast server: wrk p99 at 10 connections {wrk_fast_p99:.3f} ms; salvo "
      f"http_req_service_time p99 {g('http_req_service_time', 'p(99)'):.3f} ms (of {int(g('http_req_service_time', 'count'))}), "
      f"http_req_duration p99 {g('http_req_duration', 'p(99)'):.3f} ms, {int(g('http_reqs', 'count'))} requests, "
      f"{int(g('dropped_iterations', 'count'))} dropped, {int(g('salvo_late_requests', 'count'))} seen late, "
      f"max VUs {int(g('vus_max', 'max'))}")
dials = []
for _ in range(2000):
    s = socket.socket()
    t = time.perf_counter_ns()
    s.connect(("127.0.0.1", port))
    dials.append((time.perf_counter_ns() - t) / 1e6)
    s.close()
dial = sorted(dials)[len(dials) // 2]
c = json.load(open(f"{work}/connect/summary.json"))["metrics"]["http_req_connecting"]["values"]
late = [float(r["p50"]) for r in csv.DictReader(open(f"{work}/connect/metrics.csv")) if r["metric"] == "http_req_connecting"][-11:-1]
late_p50 = sorted(late)[len(late) // 2] if late else float("nan")
print(f"3. connecting on loopback, 1 VU, a connection per request: the socket's connect() p50 {dial:.3f} ms; salvo "
      f"http_req_connecting p50 {c['med']:.3f} ms (+{c['med'] - dial:.3f}) of {int(c['count'])}, "
      f"median of the last 10 seconds' p50 {late_p50:.3f} ms (+{late_p50 - dial:.3f})")
PY
