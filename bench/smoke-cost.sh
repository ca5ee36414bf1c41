#!/usr/bin/env bash
# What a CI smoke costs the runner: bench/smoke/smoke.js (10 Locust-style users, two weighted GET
# tasks, 1-3 s waits, -u 10 -r 5 -t 30s) against the demo target in its own process, then the same
# users in Locust 2.12 (bench/smoke/locustfile.py, Debian's python3-locust, installed when missing),
# back to back. Prints a Markdown table: CPU seconds (user+sys of the tool's process tree), max RSS,
# requests, p50/p99 as each tool reports them (salvo: summary.json's http_req_duration; Locust: its
# stats CSV, whole ms), and salvo's own account of its JIT (functions compiled, CPU-s compiling).
#
# Usage: bench/smoke-cost.sh    Environment: RUNS (1; medians over the runs), DURATION (30s),
#   SALVO_VARIANTS (';'-separated, each a space-separated list of words for one more salvo row: VAR=value
#   sets a variable, a word starting with '-' is one more JVM option in SALVO_OPTS, 'default' adds
#   nothing; e.g. 'default;SALVO_JS_RUNTIME=interpreter;-XX:TieredStopAtLevel=1 -Xss2m'; default: one row as is),
#   SALVO_DIST (the salvo distribution, default this checkout's dsl/target/salvo), BENCH_OUT (keep logs).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RUNS=${RUNS:-1}
DURATION=${DURATION:-30s}
dist=${SALVO_DIST:-$root/dsl/target/salvo}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "smoke-cost.sh: RUNS must be a whole number from 1: $RUNS" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ ]] || { echo "smoke-cost.sh: DURATION must be whole seconds, e.g. 30s: $DURATION" >&2; exit 2; }

missing=()
command -v locust >/dev/null || missing+=(python3-locust)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  echo "smoke-cost.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
[[ -n ${SALVO_DIST:-} ]] || "$root/salvo" version >/dev/null # builds salvo first when its sources changed

work=$(mktemp -d "${TMPDIR:-/tmp}/smoke-cost.XXXXXX")
demo=''
cleanup() {
  [[ -z $demo ]] || { kill "$demo" && wait "$demo"; } 2>/dev/null || true # it exits 143 on SIGTERM: not a failure
  if [[ -n ${BENCH_OUT:-} ]]; then mkdir -p "$BENCH_OUT" && cp -r "$work"/. "$BENCH_OUT"/; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The demo target, interpreted (it runs no JavaScript), in a process of its own.
SALVO_JS_RUNTIME=interpreter "$dist/bin/salvo" demo --port 0 --https-port 0 >"$work/demo.out" 2>&1 &
demo=$!
url=''
for _ in $(seq 300); do
  url=$(sed -n 's/^salvo demo target on \(http:[^ ]*\).*/\1/p' "$work/demo.out")
  [[ -n $url ]] && break
  kill -0 "$demo" 2>/dev/null || break
  sleep 0.1
done
[[ -n $url ]] || { cat "$work/demo.out" >&2; echo "smoke-cost.sh: the demo target did not start" >&2; exit 1; }
url=${url%/}

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "?"; else print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
cpu_of() { awk '{printf "%.2f", $2 + $3}' "$1"; }
rss_of() { awk '{printf "%.0f", $4 / 1024}' "$1"; }

# salvo_once N ENV...: one salvo run; prints "cpu rss reqs p50 p99 compiled jit".
salvo_once() {
  local n=$1 out d=$dist word jvm='' vars=(); shift
  for word in "$@"; do
    case $word in
      SALVO_DIST=*) d=${word#SALVO_DIST=} ;; # a variant's own build
      -*) jvm+=" $word" ;;
      default) ;;
      *) vars+=("$word") ;;
    esac
  done
  [[ -n $jvm ]] && vars+=("SALVO_OPTS=${SALVO_OPTS:-}$jvm")
  out=$work/salvo$n
  mkdir -p "$out"
  env ${vars[@]+"${vars[@]}"} /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$d/bin/salvo" run "$root/bench/smoke/smoke.js" \
    -u 10 -r 5 -t "$DURATION" -e "BASE_URL=$url" --no-progress --out "$out/results" >"$out/out" 2>"$out/err" \
    || { tail -n 20 "$out/err" >&2; echo "smoke-cost.sh: salvo failed (logs in $out)" >&2; exit 1; }
  python3 - "$out/results/summary.json" "$(cpu_of "$out/time")" "$(rss_of "$out/time")" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
d = m["http_req_duration"]["values"]
g = lambda k: m.get(k, {}).get("values", {}).get("value", 0)
print(sys.argv[2], sys.argv[3], int(m["http_reqs"]["values"]["count"]), round(d["med"], 2), round(d["p(99)"], 2),
      int(g("salvo_js_compilations")), round(g("salvo_jit_seconds"), 2))
PY
}

# locust_once N: one Locust run; prints "cpu rss reqs p50 p99".
locust_once() {
  local out=$work/locust$1
  mkdir -p "$out"
  (cd "$out" && /usr/bin/time -f '%e %U %S %M' -o "$out/time" locust -f "$root/bench/smoke/locustfile.py" --headless \
    -u 10 -r 5 -t "$DURATION" -H "$url" --csv "$out/locust" --only-summary >"$out/out" 2>&1) \
    || { tail -n 20 "$out/out" >&2; echo "smoke-cost.sh: locust failed (logs in $out)" >&2; exit 1; }
  awk -F, -v cpu="$(cpu_of "$out/time")" -v rss="$(rss_of "$out/time")" \
    'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } $2 == "Aggregated" { print cpu, rss, $3, $(col["50%"]), $(col["99%"]) }' \
    "$out/locust_stats.csv"
}

IFS=';' read -ra variants <<<"${SALVO_VARIANTS:-}"
((${#variants[@]})) || variants=("")
declare -A rows
for ((r = 1; r <= RUNS; r++)); do
  for i in "${!variants[@]}"; do
    read -ra words <<<"${variants[$i]}"
    echo "smoke-cost.sh: run $r, salvo ${variants[$i]:-(as is)} (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    rows[s$i]+="$(salvo_once "$r-$i" ${words[@]+"${words[@]}"})"$'\n'
  done
  echo "smoke-cost.sh: run $r, locust (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  rows[l]+="$(locust_once "$r")"$'\n'
done

col() { awk -v c="$2" '{print $c}' <<<"$1" | median; }
echo "bench/smoke-cost.sh: -u 10 -r 5 -t $DURATION against the demo target (own process), medians of $RUNS, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| tool | CPU s | max RSS MB | requests | p50 ms | p99 ms | JS functions compiled | CPU s compiling |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for i in "${!variants[@]}"; do
  d=${rows[s$i]}
  echo "| salvo ${variants[$i]} | $(col "$d" 1) | $(col "$d" 2) | $(col "$d" 3) | $(col "$d" 4) | $(col "$d" 5) | $(col "$d" 6) | $(col "$d" 7) |"
done
d=${rows[l]}
echo "| Locust 2.12 HttpUser | $(col "$d" 1) | $(col "$d" 2) | $(col "$d" 3) | $(col "$d" 4) | $(col "$d" 5) | – | – |"
