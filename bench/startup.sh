#!/usr/bin/env bash
# Start-up: the time from launching `salvo run` to the first request arriving at a target, for a
# trivial script (bench/first-request.js: one GET, one iteration), and the whole run's wall time.
# The target is a tiny Python HTTP server on 127.0.0.1 that notes when each request arrives.
# Every variant runs RUNS times (default 5), the variants interleaved; prints medians.
#
# Variants: the default (the distribution's runtime/, optimizing, with its AOT cache lib/salvo.aot),
# the same without the cache (SALVO_NO_AOT=1), optimizing on the stock JDK (SALVO_JAVA_HOME: the
# compiler then needs --upgrade-module-path, which turns CDS and the AOT cache off), the
# interpreter (no JVMCI; the launcher loads the cache only for the optimizing runtime), the
# interpreter with a dynamic AppCDS archive (-XX:SharedArchiveFile + -XX:+AutoCreateSharedArchive)
# and with its own AOT cache (-XX:AOTCacheOutput on a training run, then -XX:AOTCache), and
# optimizing with HotSpot limited to C1 (-XX:TieredStopAtLevel=1).
# The interpreter's archives are made by one untimed training run each, under target/startup/.
# Usage: bench/startup.sh    Environment: RUNS (5), STOCK_JDK (a JDK >= 25 for the stock-JDK row;
# default: Temurin 25 under /usr/lib/jvm)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RUNS=${RUNS:-5}
work=$root/target/startup
rm -rf "$work"
mkdir -p "$work"

python3 - "$work/arrivals" >"$work/server.out" 2>&1 <<'PY' &
import sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
log = open(sys.argv[1], "a", buffering=1)
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        log.write(f"{time.time_ns()}\n")
        self.send_response(200)
        self.send_header("Content-Length", "3")
        self.end_headers()
        self.wfile.write(b"ok\n")
    def log_message(self, *args):
        pass
s = ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [[ -s $work/server.out ]] && break; sleep 0.1; done
port=$(head -n 1 "$work/server.out")
[[ $port =~ ^[0-9]+$ ]] || { cat "$work/server.out" >&2; echo "startup.sh: the target did not start" >&2; exit 1; }
url=http://127.0.0.1:$port/

"$root/salvo" version >/dev/null # builds salvo first when its sources changed

stock=${STOCK_JDK:-}
if [[ -z $stock ]]; then
  for stock in /usr/lib/jvm/temurin-25*; do break; done
fi
cds="-XX:SharedArchiveFile=$work/salvo.jsa -XX:+AutoCreateSharedArchive"
names=("optimizing + AOT cache (default)" "optimizing, no AOT cache" "optimizing on the stock JDK" interpreter
  "interpreter + AppCDS" "interpreter + AOT cache" "optimizing + AOT cache, C1-only JIT")
# '|'-separated environment assignments of each variant (SALVO_OPTS values hold spaces).
envs=("" "SALVO_NO_AOT=1" "SALVO_JAVA_HOME=$stock" "SALVO_JS_RUNTIME=interpreter"
  "SALVO_JS_RUNTIME=interpreter|SALVO_OPTS=$cds" "SALVO_JS_RUNTIME=interpreter|SALVO_OPTS=-XX:AOTCache=$work/salvo.aot"
  "SALVO_OPTS=-XX:TieredStopAtLevel=1")
# The native salvo (./salvo native), when it is built.
native=$root/dsl/target/salvo-native/bin/salvo
if [[ -x $native ]]; then
  names+=("native (dsl/target/salvo-native)")
  envs+=("SALVO_BIN=$native")
fi

# one ENV...: runs salvo once; prints "ms-to-first-request ms-total".
one() {
  local before t0 t1 first bin=$root/dsl/target/salvo/bin/salvo a
  for a in "$@"; do [[ $a == SALVO_BIN=* ]] && bin=${a#SALVO_BIN=}; done
  before=$(wc -l <"$work/arrivals" 2>/dev/null || echo 0)
  t0=$(date +%s%N)
  env "$@" "$bin" run "$root/bench/first-request.js" -i 1 -u 1 --quiet \
    -e "BASE_URL=$url" >>"$work/salvo.out" 2>&1 || { tail -n 20 "$work/salvo.out" >&2; exit 1; }
  t1=$(date +%s%N)
  first=$(sed -n "$((before + 1))p" "$work/arrivals")
  echo "$(((first - t0) / 1000000)) $(((t1 - t0) / 1000000))"
}

echo "startup.sh: training runs (AppCDS archive, AOT cache)" >&2
one SALVO_JS_RUNTIME=interpreter "SALVO_OPTS=$cds" >/dev/null
one SALVO_JS_RUNTIME=interpreter "SALVO_OPTS=-XX:AOTCacheOutput=$work/salvo.aot" >/dev/null

declare -A first total
for ((r = 1; r <= RUNS; r++)); do
  for i in "${!names[@]}"; do
    IFS='|' read -ra e <<<"${envs[$i]}"
    read -r f t < <(one ${e[@]+"${e[@]}"})
    echo "startup.sh: run $r, ${names[$i]}: first request after $f ms, done after $t ms" >&2
    first[$i]+="$f "
    total[$i]+="$t "
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "salvo run bench/first-request.js -i 1 -u 1, medians of $RUNS, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| variant | launch → first request (ms) | launch → exit (ms) | runs (ms to first request) |"
echo "|---|---:|---:|---|"
for i in "${!names[@]}"; do
  echo "| ${names[$i]} | $(median <<<"${first[$i]}") | $(median <<<"${total[$i]}") | ${first[$i]% } |"
done
