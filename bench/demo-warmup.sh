#!/usr/bin/env bash
# Warm-up comparison against salvo's embedded demo target (`--demo`, same JVM as the load
# generator): runs examples/quickstart.js (10 VUs, 2 requests and a 0.1 s sleep per iteration)
# and bench/get-check.js (50 VUs, no think time) for DURATION (default 30s) with the optimizing
# runtime and with the interpreter, and prints requests/s overall and per 10 s window (from the
# progress lines salvo prints on stderr every 10 s) plus the process's CPU seconds.
#
# Environment: DURATION (30s), MODES ('optimizing interpreter'), BENCH_OUT (keep the logs there).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DURATION=${DURATION:-30s}
MODES=${MODES:-optimizing interpreter}
[[ -x /usr/bin/time ]] || { echo "demo-warmup.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/salvo-demo.XXXXXX")
cleanup() {
  if [[ -n ${BENCH_OUT:-} ]]; then
    mkdir -p "$BENCH_OUT"
    cp -r "$tmp"/. "$BENCH_OUT"/ || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

secs=${DURATION%s}
[[ $secs =~ ^[0-9]+$ ]] || { echo "demo-warmup.sh: DURATION must be in seconds, e.g. 30s" >&2; exit 1; }

rows=()
n=0
read -ra modes <<<"$MODES"
for script in examples/quickstart.js bench/get-check.js; do
  for mode in "${modes[@]}"; do
    n=$((n + 1))
    args=(run --demo "$root/$script" -t "$DURATION")
    [[ $script == bench/get-check.js ]] && args+=(-u 50)
    out=$tmp/run$n.out
    echo "demo-warmup.sh: run $n: SALVO_JS_RUNTIME=$mode ./salvo ${args[*]} (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    SALVO_JS_RUNTIME=$mode timeout --kill-after=10 $((secs + 120)) \
      /usr/bin/time -f '%e %U %S' -o "$out.time" "$root/salvo" "${args[@]}" >"$out" 2>"$out.err" || true
    read -r _ user sys <"$out.time" || true
    reqs=$(awk '$1 ~ /^http_reqs\.+$/ {print $2 " " $3; exit}' "$out")
    iters=$(awk '$1 ~ /^iterations\.+$/ {print $2; exit}' "$out")
    windows=$(awk '/^ *\[ *[0-9]+s\] / {
        t = $0; sub(/^ *\[ */, "", t); sub(/s\].*/, "", t)
        r = $0; sub(/.*reqs=/, "", r); sub(/ .*/, "", r)
        w = w sprintf(" %.0f", (r - prev) / (t - pt)); prev = r; pt = t
      } END { print w }' "$out.err")
    p95=$(awk '$1 ~ /^http_req_duration\.+$/ { for (i = 2; i <= NF; i++) if ($i ~ /^p\(95\)=/) { sub(/p\(95\)=/, "", $i); print $i } }' "$out")
    rows+=("| $script | $mode | ${reqs% *} | ${reqs#* } | ${iters:-?} | ${p95:-?} |$windows | $(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN {printf "%.1f", u + s}') |")
  done
done

echo
echo "| script | JS runtime | requests | req/s | iterations | p(95) | req/s per 10 s window | CPU s |"
echo "|---|---|---:|---:|---:|---:|---|---:|"
printf '%s\n' "${rows[@]}"
