#!/usr/bin/env bash
# salvo against its peers: starts nginx on 127.0.0.1 (its own config, pid and temp files, one
# keep-alive location returning the 3-byte body "ok\n"), then runs every load generator one after
# the other against it with the same duration and concurrency (50 connections / users), and
# prints a Markdown table: req/s and p50/p99 as each tool reports them, requests per generator
# CPU-second (requests / user+sys CPU seconds of the generator's process tree, GNU time) and the
# generator's max RSS. Tools that are missing are installed first (apt: nginx-light wrk hey
# python3-locust; npm: autocannon under target/peers/tools; Gatling 3.15 via the Maven project in
# bench/peers/gatling). k6 cannot be installed here: its row repeats issue 9's reference figure.
#
# Usage: bench/peers/run.sh [--long] [--smoke]
#   (default)  10 s per run, 3 runs of every tool, medians (about 7 minutes)
#   --long     60 s per run, 1 run: salvo (optimizing: both isolation modes, C1-only, and with its
#              web UI open in headless Chromium: salvo-web), wrk and Gatling (about 6.5 minutes)
#   --smoke    3 s, 1 run, salvo (optimizing) and only the peers already installed; fails unless
#              every tool completed requests without errors (CI: it must work, not be fast)
# Environment: DURATION (seconds), RUNS, CONNECTIONS (50), TOOLS (space-separated subset of:
#   salvo salvo-web salvo-worker salvo-interp salvo-interp-worker salvo-c1 wrk hey autocannon gatling
#   locust-fast locust; salvo-web is salvo with --web --autostart and the page open in headless
#   Chromium (bench/peers/PageWatch.java), its row compared with salvo's: the page's update interval
#   and salvo's req per CPU-second with the page open; salvo-c1 is the optimizing runtime with HotSpot limited to C1,
#   -XX:TieredStopAtLevel=1, see docs/performance.md "Warm-up"), NGINX_WORKERS (1: the generator needs the other core), SALVO_OPTS (salvo's JVM),
#   SALVO_VARIANTS: ';'-separated variants; each salvo tool then runs once per variant with the
#   variant's space-separated VAR=value words in its environment (a word starting with '-' is one more
#   JVM option in SALVO_OPTS), for A/B runs back to back, e.g.
#   TOOLS=salvo SALVO_VARIANTS='default;SALVO_OPTS=-Dpolyglot.engine.CompilerThreads=1' (default: as is).
#   SALVO_DIST: the salvo distribution to run (default: this checkout's dsl/target/salvo); as a
#   variant word it compares two builds, e.g. SALVO_VARIANTS='default;SALVO_DIST=/tmp/old' with
#   /tmp/old a copy made by `cp -rp dsl/target/salvo /tmp/old && /tmp/old/bin/aot-cache`.
# Output: the table on stdout and in target/peers/<UTC time>/table.md (a copy in
#   target/peers/latest.md), with every tool's raw output next to it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
here=$root/bench/peers
# The command as given, for the report: the settings from the environment, then the options.
cmdline=''
for v in DURATION RUNS CONNECTIONS TOOLS NGINX_WORKERS SALVO_OPTS SALVO_VARIANTS SALVO_DIST; do
  [[ -n ${!v:-} ]] && cmdline+="$v='${!v}' "
done
cmdline+="bench/peers/run.sh $*"
mode=10s
for arg in "$@"; do
  case $arg in
    --long) mode=long ;;
    --smoke) mode=smoke ;;
    *) echo "usage: bench/peers/run.sh [--long] [--smoke]" >&2; exit 2 ;;
  esac
done
case $mode in
  10s) DURATION=${DURATION:-10}; RUNS=${RUNS:-3}
       TOOLS=${TOOLS:-salvo salvo-worker salvo-interp salvo-c1 wrk hey autocannon gatling locust-fast locust} ;;
  long) DURATION=${DURATION:-60}; RUNS=${RUNS:-1}; TOOLS=${TOOLS:-salvo salvo-web salvo-worker salvo-c1 wrk gatling} ;;
  smoke) DURATION=${DURATION:-3}; RUNS=${RUNS:-1}; TOOLS=${TOOLS:-salvo wrk hey autocannon gatling locust-fast} ;;
esac
CONNECTIONS=${CONNECTIONS:-50}
NGINX_WORKERS=${NGINX_WORKERS:-1}
[[ $DURATION =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: DURATION must be whole seconds: $DURATION" >&2; exit 2; }

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "run.sh: $*" >&2; }

tools_dir=$root/target/peers/tools
autocannon_js=$tools_dir/node_modules/autocannon/autocannon.js
gatling_cp=$here/gatling/target/classpath.txt

has() {
  case $1 in
    salvo*) return 0 ;;
    wrk|hey) command -v "$1" >/dev/null ;;
    locust*) command -v locust >/dev/null ;;
    autocannon) [[ -f $autocannon_js ]] && command -v node >/dev/null ;;
    gatling) [[ -f $gatling_cp && -d $here/gatling/target/classes ]] ;;
    *) die "unknown tool in TOOLS: $1" ;;
  esac
}

# --- tools -------------------------------------------------------------------------------
install_missing() {
  local apt=() t
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || apt+=(nginx-light)
  [[ -x /usr/bin/time ]] || apt+=(time)
  command -v curl >/dev/null || apt+=(curl)
  for t in $TOOLS; do
    case $t in
      wrk|hey) has "$t" || apt+=("$t") ;;
      locust*) has locust || apt+=(python3-locust) ;;
      autocannon) has autocannon || command -v npm >/dev/null || apt+=(nodejs npm) ;;
    esac
  done
  if ((${#apt[@]})); then
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    log "installing ${apt[*]}"
    "${sudo[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${apt[@]}" >&2
  fi
  if [[ " $TOOLS " == *" autocannon "* ]] && ! has autocannon; then
    log "installing autocannon into $tools_dir"
    npm install --silent --no-audit --no-fund --prefix "$tools_dir" autocannon@8.0.0 >&2
  fi
  if [[ " $TOOLS " == *" gatling "* ]] && ! has gatling; then
    log "resolving and compiling Gatling (bench/peers/gatling, first time ~20 s plus downloads)"
    (cd "$here/gatling" && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) >&2
  fi
}
if [[ $mode == smoke ]]; then
  # Smoke: only what is already there (CI must not download a load-testing zoo).
  kept=''
  for t in $TOOLS; do if has "$t"; then kept+="$t "; else log "smoke: skipping $t (not installed)"; fi; done
  TOOLS=$kept
fi
install_missing
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [[ $TOOLS == *salvo* ]]; then
  log "building salvo when its sources changed (./salvo version)"
  "$root/salvo" version >/dev/null
fi

# Gatling on the JDK salvo's launcher would take (>= 25) when present, else `java`, with the JVM
# options gatling-maven-plugin passes (Gatling's log writer needs java.lang opened).
gatling_java=()
if [[ " $TOOLS " == *" gatling "* ]]; then
  java=$(command -v java || true)
  for j in ${SALVO_JAVA_HOME:+"$SALVO_JAVA_HOME/bin/java"} /usr/lib/jvm/temurin-25*/bin/java; do
    [[ -x $j ]] && { java=$j; break; }
  done
  gatling_java=("$java" -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED
    --enable-native-access=ALL-UNNAMED -cp "$here/gatling/target/classes:$(cat "$gatling_cp")")
fi

# --- nginx -------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$root/target/peers/$stamp-$mode
mkdir -p "$out/nginx/temp"
nginx_pid=''
stop_nginx() {
  [[ -n $nginx_pid ]] || return 0
  kill -TERM "$nginx_pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$nginx_pid" 2>/dev/null || true
  nginx_pid=''
}
trap stop_nginx EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_nginx() {
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    port_in_use "$port" && continue
    sed -e "s|@DIR@|$out/nginx|g" -e "s|@PORT@|$port|g" -e "s|@WORKERS@|$NGINX_WORKERS|g" \
      "$here/nginx.conf" >"$out/nginx/nginx.conf"
    "$NGINX" -p "$out/nginx" -e "$out/nginx/error.log" -c "$out/nginx/nginx.conf" \
      >"$out/nginx/stdout.log" 2>&1 &
    nginx_pid=$!
    for _ in $(seq 50); do
      if [[ $(curl -fsS --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null) == ok ]]; then
        URL="http://127.0.0.1:$port/"
        return 0
      fi
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.1
    done
    stop_nginx
    log "nginx did not answer on port $port (attempt $attempt)"
  done
  cat "$out/nginx/error.log" >&2 2>/dev/null || true
  die "could not start nginx"
}
start_nginx
log "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') on $URL; $CONNECTIONS connections, ${DURATION} s per run, $RUNS run(s): $TOOLS"

# --- one run -----------------------------------------------------------------------------
# Each parser prints "requests req/s p50_ms p99_ms errors" from a tool's output file.
ms() { # 512.00us / 2.10ms / 1.05s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.3f", n }'
}
parse_salvo() {
  awk '
    $1 ~ /^http_reqs\.*$/ { reqs = $2; rate = $3; sub("/s", "", rate) }
    $1 ~ /^http_req_failed\.*$/ { failed = $3 }
    $1 ~ /^http_req_duration\.*$/ { for (i = 2; i <= NF; i++) {
        if ($i ~ /^med=/) p50 = $i; if ($i ~ /^p\(99\)=/) p99 = $i } }
    END { print reqs + 0, rate + 0, p50, p99, (failed == "" ? "?" : failed) }' "$1" | {
    read -r reqs rate p50 p99 failed
    echo "$reqs $rate $(ms "${p50#*=}") $(ms "${p99#*=}") $failed"
  }
}
parse_wrk() {
  local reqs rate p50 p99 errors
  reqs=$(awk '/requests in/ {print $1; exit}' "$1")
  rate=$(awk '/^Requests\/sec:/ {print $2; exit}' "$1")
  p50=$(awk '$1 == "50%" {print $2; exit}' "$1")
  p99=$(awk '$1 == "99%" {print $2; exit}' "$1")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {
      for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0 } END {print n + 0}' "$1")
  echo "${reqs:-0} ${rate:-0} $(ms "${p50:-0}") $(ms "${p99:-0}") $errors"
}
parse_hey() {
  awk '
    /Requests\/sec:/ { rate = $2 }
    $2 == "in" && $1 == "50%" { p50 = $3 * 1000 }
    $2 == "in" && $1 == "99%" { p99 = $3 * 1000 }
    /^ *\[200\]/ { reqs += $2 }
    /^ *\[[0-9]+\]/ && !/\[200\]/ { errors += $2 }
    /^Error distribution:/ { inerr = 1; next }
    inerr && /^ *\[[0-9]+\]/ { errors += substr($1, 2) + 0 }
    END { printf "%d %s %.3f %.3f %d\n", reqs, rate + 0, p50, p99, errors }' "$1"
}
parse_autocannon() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const errors = r.errors + r.timeouts + r.non2xx;
    console.log(r["2xx"], r.requests.average, r.latency.p50, r.latency.p99, errors);' "$1"
}
parse_gatling() { # the "Global Information" of the reports-only pass: | total | OK | KO |
  awk -F'|' '
    function num(s) { gsub(/[ ,]/, "", s); return s == "-" ? 0 : s + 0 }
    /> request count/ { reqs = num($2); errors = num($4) }
    /> mean throughput/ { rate = num($2) }
    /> response time 50th percentile/ { p50 = num($2) }
    /> response time 99th percentile/ { p99 = num($2) }
    END { printf "%d %s %s %s %d\n", reqs, rate, p50, p99, errors }' "$1"
}
parse_locust() { # the Aggregated row of --csv's _stats.csv
  awk -F, '$2 == "Aggregated" { print $3, $10, $12, $19, $4 }' "$1"
}

rows=()          # tool|run|requests|req/s|cpu|p50|p99|rss_mb|errors|warm req per CPU-s (salvo)
warmup=()        # salvo runs: per-second requests from the progress lines
pages=()         # salvo-web runs: the page's updates and the ms between them
failures=0
run_no=0

# sample_salvo PID FILE: while the run PID lasts, writes "seconds cpu_ticks requests" to FILE.cpu
# twice a second: the salvo JVM's utime+stime and the last progress line's request count.
sample_salvo() {
  local bg=$1 f=$2 java='' t0 ticks reqs
  t0=$(date +%s%N)
  : >"$f.cpu"
  while kill -0 "$bg" 2>/dev/null; do
    [[ -n $java ]] || java=$(pgrep -n -f "(dev\.salvo\.dsl\.cli\.Main|^[^ ]*/salvo( -[^ ]+)*) run $root/bench/" || true)
    if [[ -n $java ]] && ticks=$(awk '{print $14 + $15}' "/proc/$java/stat" 2>/dev/null); then
      reqs=$(awk '/reqs=/ { r = $0; sub(/.*reqs=/, "", r); sub(/[^0-9].*/, "", r) } END { print r + 0 }' "$f.err" 2>/dev/null || true)
      echo "$((($(date +%s%N) - t0) / 1000000)) $ticks ${reqs:-0}" >>"$f.cpu"
    fi
    sleep 0.5
  done
}

# watch_page FILE: once salvo-web's page is up (its "web UI at" line in FILE.err), keeps it open in
# headless Chromium until the run has finished; writes "page: UPDATES P50 P95 MAX" (ms) to FILE.page.
watch_page() {
  local f=$1 url=''  # the java on PATH: salvo's jlink runtime has no compiler for a single-file program
  for _ in $(seq 600); do
    url=$(sed -n 's/^salvo: web UI at \(http[^ ]*\).*/\1/p' "$f.err" 2>/dev/null | head -n 1)
    [[ -n $url ]] && break
    sleep 0.2
  done
  [[ -n $url ]] || { echo "page: 0 0 0 0 (no web UI line)" >"$f.page"; return 0; }
  java "$here/PageWatch.java" "$url" $((DURATION + 90)) >"$f.page" 2>&1 || true
}

# Requests per CPU-second of the salvo JVM in the second half of the run (from FILE.cpu).
warm_percpu() {
  awk -v d="$DURATION" -v hz="$(getconf CLK_TCK)" '
    $1 / 1000 <= d / 2 { c0 = $2; r0 = $3 }
    $1 / 1000 <= d { c1 = $2; r1 = $3 }
    END { if (c1 > c0 && r1 > r0) printf "%.0f", (r1 - r0) * hz / (c1 - c0) }' "$1"
}

# run_one TOOL [VARIANT]: runs it once under GNU time and appends a row.
run_one() {
  local tool=$1 variant=${2:-default} f rc=0 label parser cmd=() envs=()
  run_no=$((run_no + 1))
  f=$out/$run_no-$tool
  case $tool in
    salvo*)
      parser=parse_salvo
      local script=get-check.js runtime=optimizing iso=vu
      [[ $tool == *worker ]] && { script=get-check-worker.js; iso=worker; }
      [[ $tool == salvo-interp* ]] && { runtime=interpreter; envs+=(SALVO_JS_RUNTIME=interpreter); }
      [[ $tool == salvo-c1 ]] && { runtime="optimizing, C1-only JIT"; envs+=("SALVO_OPTS=${SALVO_OPTS:-} -XX:TieredStopAtLevel=1"); }
      label="salvo ($runtime, isolation $iso)"
      [[ $tool == salvo-web ]] && label+=" with the web UI open"
      local dist=${SALVO_DIST:-$root/dsl/target/salvo} words w
      if [[ $variant != default ]]; then
        local jvm=''
        read -ra words <<<"$variant"
        for w in "${words[@]}"; do
          case $w in
            SALVO_DIST=*) dist=${w#SALVO_DIST=} ;;
            -*) jvm+=" $w" ;;
            *) envs+=("$w") ;;
          esac
        done
        [[ -n $jvm ]] && envs+=("SALVO_OPTS=${SALVO_OPTS:-}$jvm")
        label+=" $variant"
      fi
      cmd=("$dist/bin/salvo" run "$root/bench/$script" -u "$CONNECTIONS" -t "${DURATION}s"
        -e "BASE_URL=$URL" --summary-trend-stats 'avg,med,p(99)' --progress-interval 1s)
      [[ $tool == salvo-web ]] && cmd+=(--web --web-port 0 --autostart) ;;
    wrk)
      parser=parse_wrk; label="wrk 4.1 -t2 (C)"
      cmd=(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$URL") ;;
    hey)
      parser=parse_hey; label="hey 0.1.4 (Go)"
      cmd=(hey -z "${DURATION}s" -c "$CONNECTIONS" "$URL") ;;
    autocannon)
      parser=parse_autocannon; label="autocannon 8 (Node)"
      cmd=(node "$autocannon_js" -j -c "$CONNECTIONS" -d "$DURATION" "$URL") ;;
    gatling)
      parser=parse_gatling; label="Gatling 3.15 (Java DSL, closed)"
      cmd=("${gatling_java[@]}" -DbaseUrl="$URL" -Dusers="$CONNECTIONS" -DdurationSeconds="$DURATION"
        io.gatling.app.Gatling -s salvo.peers.GetSimulation -rf "$f.gatling" -nr) ;;
    locust-fast|locust)
      parser=parse_locust
      local user=FastGet
      [[ $tool == locust ]] && user=Get
      label="Locust 2.12 $([[ $user == FastGet ]] && echo FastHttpUser || echo HttpUser)"
      cmd=(locust -f "$here/locustfile.py" --headless --only-summary -u "$CONNECTIONS" -r "$CONNECTIONS"
        -t "${DURATION}s" --host "${URL%/}" --csv "$f.locust" --loglevel WARNING "$user") ;;
  esac
  log "run $run_no: $label (load $(cut -d' ' -f1 /proc/loadavg))"
  (cd "$out" && env ${envs[@]+"${envs[@]}"} timeout --kill-after=10 $((DURATION + 120)) \
    /usr/bin/time -f '%e %U %S %M' -o "$f.time" "${cmd[@]}" >"$f.out" 2>"$f.err") &
  local bg=$! watcher=''
  if [[ $tool == salvo-web ]]; then
    watch_page "$f" &
    watcher=$!
  fi
  [[ $tool == salvo* ]] && sample_salvo "$bg" "$f"
  wait "$bg" || rc=$?
  local parsed_from=$f.out
  if [[ $tool == gatling ]]; then
    # Statistics come from a second, unmeasured pass over the run's log.
    "${gatling_java[@]}" io.gatling.app.Gatling -ro "$(ls "$f.gatling" | head -n 1)" -rf "$f.gatling" \
      >"$f.stats" 2>&1 || true
    parsed_from=$f.stats
  fi
  [[ $tool == locust* ]] && parsed_from=$f.locust_stats.csv
  # Locust exits 1 when a request failed; the errors column says so.
  [[ $tool == locust* && $rc == 1 ]] && rc=0
  local reqs rate p50 p99 errors user sys rss cpu
  read -r reqs rate p50 p99 errors < <($parser "$parsed_from" 2>/dev/null || echo "0 0 0 0 ?")
  read -r user sys rss < <(tail -n 1 "$f.time" | cut -d' ' -f2-) || true
  cpu=$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN {printf "%.2f", u + s}')
  log "  $reqs requests, $rate req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, CPU $cpu s, max RSS $((${rss:-0} / 1024)) MB, exit $rc"
  if [[ $rc != 0 || ${reqs:-0} == 0 || ($errors != 0 && $errors != 0.00%) ]]; then
    failures=$((failures + 1))
    log "  $label failed (exit $rc, $reqs requests, errors $errors); its output:"
    tail -n 20 "$f.out" "$f.err" >&2 || true
  fi
  local warm=''
  [[ $tool == salvo* ]] && warm=$(warm_percpu "$f.cpu")
  rows+=("$label|$run_no|$reqs|$rate|$cpu|$p50|$p99|$((${rss:-0} / 1024))|$errors|$warm")
  if [[ $tool == salvo-web ]]; then
    wait "$watcher" || true # the page watcher (a bare wait would wait for nginx too: forever)
    local page
    page=$(sed -n 's/^page: //p' "$f.page" 2>/dev/null | tail -n 1)
    log "  the page: ${page:-nothing} (updates, then ms between updates: p50 p95 max)"
    pages+=("$label, run $run_no|${page:-no result, see $f.page}")
  fi
  if [[ $tool == salvo* ]]; then
    warmup+=("$label, run $run_no, CPU $cpu s|$(awk '/^ *\[ *[0-9]+s\] / { r = $0; sub(/.*reqs=/, "", r); sub(/ .*/, "", r)
        printf "%s%d", sep, r - prev; sep = " · "; prev = r }' "$f.err")")
  fi
}

for ((r = 1; r <= RUNS; r++)); do
  for tool in $TOOLS; do
    if [[ $tool == salvo* && -n ${SALVO_VARIANTS:-} ]]; then
      IFS=';' read -ra variants <<<"$SALVO_VARIANTS"
      for v in "${variants[@]}"; do run_one "$tool" "$(echo "$v" | xargs)"; done
    else
      run_one "$tool"
    fi
  done
done
stop_nginx

# --- report ------------------------------------------------------------------------------
{
  echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') on 127.0.0.1 (\"ok\\n\", keep-alive), $CONNECTIONS connections/users," \
    "${DURATION} s per run, medians of $RUNS run(s), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Command: \`$cmdline\`"
  echo
  echo "| tool | req/s | req per generator CPU-second | vs wrk | p50 ms | p99 ms | max RSS MB | runs | errors | salvo warm: req per CPU-s, 2nd half |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"
  printf '%s\n' "${rows[@]}" | awk -F'|' '
    function median(s,   a, n, i, j, t) {
      n = split(s, a, " ")
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
      if (!($1 in n)) order[++k] = $1
      n[$1]++
      rate[$1] = rate[$1] " " $4; percpu[$1] = percpu[$1] " " ($5 > 0 ? $3 / $5 : 0)
      p50[$1] = p50[$1] " " $6; p99[$1] = p99[$1] " " $7; rss[$1] = rss[$1] " " $8
      errors[$1] = errors[$1] (errors[$1] == "" ? "" : ", ") $9
      if ($10 != "") warm[$1] = warm[$1] " " $10
    }
    END {
      for (i = 1; i <= k; i++) if (order[i] ~ /^wrk/) wrk = median(percpu[order[i]])
      for (i = 1; i <= k; i++) {
        t = order[i]; c = median(percpu[t])
        printf "| %s | %.0f | %.0f | %s | %.2f | %.2f | %.0f | %d | %s | %s |\n", t, median(rate[t]), c,
          (wrk > 0 ? sprintf("%.0f%%", 100 * c / wrk) : "–"), median(p50[t]), median(p99[t]), median(rss[t]), n[t], errors[t],
          (t in warm ? sprintf("%.0f", median(warm[t])) : "")
      }
    }'
  echo "| k6 1.3 — reference figure from issue 9, not measured here (k6 cannot be installed) | ~10,700 | ~7,500 | | | | | | | |"
  echo
  echo "req/s, p50 and p99 as each tool reports them (salvo: its summary's http_reqs rate and http_req_duration"
  echo "med / p(99)); req per generator CPU-second = requests completed / (user+sys CPU seconds of the tool's"
  echo "process tree, start-up and JIT included); max RSS = its largest process (GNU time %M). salvo warm = requests"
  echo "per CPU-second of the salvo JVM between the middle and the end of the run (/proc/PID/stat, progress lines)."
  if ((${#pages[@]})); then
    echo
    echo "salvo's web UI open in headless Chromium (salvo-web): updates of the page, then ms between updates (p50 p95 max;"
    echo "1000 ms is the poll interval); compare its warm req per CPU-s with the salvo row's"
    echo
    printf '%s\n' "${pages[@]}" | awk -F'|' '{ printf "- %s: %s\n", $1, $2 }'
  fi
  if ((${#warmup[@]})); then
    echo
    echo "salvo: requests completed in each second of the run (from --progress-interval 1s)"
    echo
    printf '%s\n' "${warmup[@]}" | awk -F'|' '{ printf "- %s: %s\n", $1, $2 }'
  fi
} | tee "$out/table.md"
cp "$out/table.md" "$root/target/peers/latest.md"
log "table: $out/table.md (and target/peers/latest.md); raw outputs next to it"

if ((failures)); then
  die "$failures run(s) failed, completed no requests or saw errors"
fi
