#!/usr/bin/env bash
# Flat memory with every report on: runs bench/reports-memory.js (20 VUs, demo target on
# loopback) for DURATION (10m) with --out, and prints the heap used after a full GC (jcmd GC.run,
# then GC.heap_info) at AT1 and AT2 seconds (120 and 540: minutes 2 and 9), plus result sizes.
#
# Environment: DURATION (10m), AT1 (120), AT2 (540), JDK (a JDK 25 home for jcmd), BENCH_OUT (keep results).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DURATION=${DURATION:-10m}
AT1=${AT1:-120}
AT2=${AT2:-540}
JDK=${JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
jcmd=$JDK/bin/jcmd
[[ -x $jcmd ]] || { echo "reports-memory.sh: no jcmd in JDK=$JDK (set JDK to a JDK 25 home)" >&2; exit 1; }

out=${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/salvo-mem.XXXXXX")}
mkdir -p "$out"
"$root/salvo" version >/dev/null # builds when the sources changed
export JAVA_HOME=$JDK
"$root/dsl/target/salvo/bin/salvo" run --demo -e DURATION="$DURATION" --out "$out/results" \
  "$root/bench/reports-memory.js" >"$out/stdout" 2>"$out/stderr" &
pid=$!

heap_after_gc() {
  "$jcmd" "$pid" GC.run >/dev/null
  sleep 1
  "$jcmd" "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1
}

start=$SECONDS
for at in "$AT1" "$AT2"; do
  while ((SECONDS - start < at)); do
    kill -0 "$pid" 2>/dev/null || { echo "reports-memory.sh: salvo ended early, see $out" >&2; exit 1; }
    sleep 1
  done
  kb=$(heap_after_gc)
  echo "t=${at}s heap_after_gc=${kb}K ($(awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}') MiB)"
done
wait "$pid" || echo "salvo exit $?"
grep -E '^\s+http_reqs|^(PASSED|FAILED)' "$out/stdout" || true
du -k "$out"/results/* | sort -n | awk '{printf "  %8d KiB  %s\n", $1, $2}'
echo "results in $out"
