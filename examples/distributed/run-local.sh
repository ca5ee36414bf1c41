#!/usr/bin/env bash
# A distributed run on one machine, without Kubernetes: the demo target, 'salvo coordinate' and
# 3 shards ('salvo run --segment I/3 --coordinator URL') as local processes. The coordinator
# prints the fleet's seconds as they come and exits with the verdict over the whole fleet.
# Usage: examples/distributed/run-local.sh [RESULTS_DIR]   (default: a new temporary folder)
# SALVO (default: the repository's ./salvo), RATE and DURATION (as fleet.js reads them) may be set.
# WEB_PORT=8089 adds the fleet's web UI (salvo coordinate --web): open http://127.0.0.1:8089/; the
# coordinator then serves the merged result until Ctrl-C or 'curl -XPOST 127.0.0.1:8089/api/quit'.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
salvo=${SALVO:-$here/../../salvo}
out=${1:-$(mktemp -d)}
mkdir -p "$out"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Wait until a log file has a line matching a pattern; print that match.
await() {
  for _ in $(seq 600); do
    if grep -q -o -m1 "$2" "$1" 2>/dev/null; then grep -o -m1 "$2" "$1"; return 0; fi
    sleep 0.1
  done
  echo "run-local.sh: nothing matched '$2' in $1:" >&2
  cat "$1" >&2
  return 1
}

"$salvo" demo --port 0 --https-port 0 >"$out/demo.log" 2>&1 &
pids+=($!)
target=$(await "$out/demo.log" 'http://127\.0\.0\.1:[0-9]*')

web=()
[[ -n ${WEB_PORT:-} ]] && web=(--web --web-port "$WEB_PORT")
"$salvo" coordinate "$here/fleet.js" --shards 3 --port 0 --out "$out/fleet" "${web[@]}" > >(tee "$out/coordinator.log") 2>&1 &
coordinator=$!
url=$(await "$out/coordinator.log" 'ws://127\.0\.0\.1:[0-9]*/fleet')

for i in 0 1 2; do
  "$salvo" run "$here/fleet.js" -q --no-progress --segment "$i/3" --coordinator "$url" \
    -e BASE_URL="$target" -e RATE="${RATE:-60}" -e DURATION="${DURATION:-10s}" --out "$out/$i" >"$out/shard-$i.log" 2>&1 &
  pids+=($!)
done

code=0
wait "$coordinator" || code=$?
echo "run-local.sh: the fleet's result is in $out/fleet (exit $code); each shard's in $out/0, $out/1, $out/2"
exit "$code"
