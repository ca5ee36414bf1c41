#!/usr/bin/env bash
# Benchmarks salvo against wrk: both drive the same local nginx (127.0.0.1, a free port, one
# keep-alive location returning `200 ok`) with 50 connections / VUs, one after the other.
# For each run it prints requests/s and the load generator's own CPU time (user+sys of its
# process tree, from /usr/bin/time) as CPU seconds per 10,000 requests and requests per
# CPU-second, as a Markdown table.
#
# Usage: bench/http-get.sh            (from anywhere; salvo is run from this checkout)
# Environment:
#   DURATION        per run, salvo/wrk syntax: 20s (default), 1m
#   VUS             salvo VUs and wrk connections (default 50)
#   WRK_THREADS     wrk -t (default 2)
#   RUNS            repetitions of every generator (default 1); with more, a median row each
#   SALVO_VARIANTS  ';'-separated salvo variants, each `default` or space-separated VAR=value
#                   assignments for salvo's environment (values without spaces), e.g.
#                   'default;SALVO_JS_RUNTIME=interpreter;SALVO_OPTS=-Dpolyglot.engine.Mode=latency'
#                   (default: default). `script=FILE` in a variant runs bench/FILE instead of
#                   bench/get-check.js, e.g. 'script=get-check-worker.js' (one JS context per worker).
#   SKIP_WRK=1      run salvo only
#   NGINX_WORKERS   nginx worker_processes (default 1: the generator needs the other core)
#   BENCH_OUT       keep the logs (nginx, every generator's output) in this folder
#   BENCH_SMOKE=1   a quick check for CI: DURATION=3s, RUNS=1; fails unless every generator
#                   completed requests without errors (and salvo's checks passed)
# Tools: nginx (nginx-light), wrk, /usr/bin/time and curl are installed with apt-get when missing.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

if [[ ${BENCH_SMOKE:-} == 1 ]]; then
  DURATION=3s
  RUNS=1
fi
DURATION=${DURATION:-20s}
VUS=${VUS:-50}
WRK_THREADS=${WRK_THREADS:-2}
RUNS=${RUNS:-1}
SALVO_VARIANTS=${SALVO_VARIANTS:-default}
NGINX_WORKERS=${NGINX_WORKERS:-1}

die() { echo "http-get.sh: $*" >&2; exit 1; }

# Seconds in a duration such as 20s, 2m, 1m30s or 45.
seconds() {
  local d=$1 total=0 n
  [[ $d =~ ^[0-9]+$ ]] && { echo "$d"; return; }
  [[ $d =~ ^([0-9]+h)?([0-9]+m)?([0-9]+s)?$ && -n $d ]] || die "bad duration: $d"
  if [[ $d =~ ([0-9]+)h ]]; then n=${BASH_REMATCH[1]}; total=$((total + n * 3600)); fi
  if [[ $d =~ ([0-9]+)m ]]; then n=${BASH_REMATCH[1]}; total=$((total + n * 60)); fi
  if [[ $d =~ ([0-9]+)s ]]; then n=${BASH_REMATCH[1]}; total=$((total + n)); fi
  echo "$total"
}
dur_s=$(seconds "$DURATION")
[[ $VUS =~ ^[1-9][0-9]*$ ]] || die "VUS must be a positive integer: $VUS"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer: $RUNS"

# --- tools -------------------------------------------------------------------------------
need=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
[[ ${SKIP_WRK:-} == 1 ]] || command -v wrk >/dev/null || need+=(wrk)
[[ -x /usr/bin/time ]] || need+=(time)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  echo "http-get.sh: installing ${need[*]}" >&2
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# --- nginx -------------------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/salvo-bench.XXXXXX")
nginx_pid=''
cleanup() {
  if [[ -n $nginx_pid ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -TERM "$nginx_pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
  fi
  if [[ -n ${BENCH_OUT:-} ]]; then
    mkdir -p "$BENCH_OUT"
    cp -r "$tmp"/. "$BENCH_OUT"/ 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

write_nginx_conf() {
  local port=$1
  mkdir -p "$tmp/nginx/temp"
  cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes $NGINX_WORKERS;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/temp/body;
  proxy_temp_path $tmp/nginx/temp/proxy;
  fastcgi_temp_path $tmp/nginx/temp/fastcgi;
  uwsgi_temp_path $tmp/nginx/temp/uwsgi;
  scgi_temp_path $tmp/nginx/temp/scgi;
  keepalive_timeout 75s;
  keepalive_requests 100000000;
  server {
    listen 127.0.0.1:$port;
    location / {
      default_type text/plain;
      return 200 "ok";
    }
  }
}
EOF
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_nginx() {
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    port_in_use "$port" && continue
    write_nginx_conf "$port"
    "$NGINX" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" \
      >"$tmp/nginx/stdout.log" 2>&1 &
    nginx_pid=$!
    for _ in $(seq 50); do
      if curl -fsS --max-time 1 "http://127.0.0.1:$port/" >/dev/null 2>&1; then
        BASE_URL="http://127.0.0.1:$port/"
        return 0
      fi
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -TERM "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=''
    echo "http-get.sh: nginx did not answer on port $port (attempt $attempt)" >&2
  done
  cat "$tmp/nginx/error.log" >&2 2>/dev/null || true
  die "could not start nginx"
}

start_nginx
echo "http-get.sh: nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') (pid $nginx_pid) on $BASE_URL; $VUS VUs/connections, $DURATION per run, $RUNS run(s)" >&2

# --- runs --------------------------------------------------------------------------------
rows=()     # "label|load1|requests|req/s|cpu|errors"
failures=0
run_no=0

load1() { cut -d' ' -f1 /proc/loadavg; }

# The java process under `timeout` -> `/usr/bin/time` -> salvo's launcher (which execs java).
java_pid() {
  local t
  t=$(pgrep -P "$1" | head -n 1) || return 0
  if [[ -n $t ]]; then pgrep -x -P "$t" java | head -n 1 || true; fi
}

# utime+stime of a process in clock ticks, or nothing once it has gone.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || true; }

# Prints "requests req/s errors" from a salvo summary.
parse_salvo() {
  local out=$1 reqs rate failed
  reqs=$(awk '$1 ~ /^http_reqs\.+$/ {print $2; exit}' "$out")
  rate=$(awk '$1 ~ /^http_reqs\.+$/ {sub("/s", "", $3); print $3; exit}' "$out")
  failed=$(awk '$1 ~ /^http_req_failed\.+$/ {print $3; exit}' "$out")
  echo "${reqs:-0} ${rate:-0} ${failed:-?}"
}

# Prints "requests req/s errors" from wrk's output.
parse_wrk() {
  local out=$1 reqs rate errors
  reqs=$(awk '/requests in/ {print $1; exit}' "$out")
  rate=$(awk '/^Requests\/sec:/ {print $2; exit}' "$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {
      for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0 } END {print n + 0}' "$out")
  echo "${reqs:-0} ${rate:-0} ${errors:-?}"
}

# Runs one generator: run_one LABEL KIND [VAR=value...] -- CMD...
run_one() {
  local label=$1 kind=$2 out timef load rc=0
  shift 2
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  run_no=$((run_no + 1))
  out=$tmp/run$run_no.$kind.out
  timef=$tmp/run$run_no.$kind.time
  load=$(load1)
  echo "http-get.sh: run $run_no: $label (load $load): $*" >&2
  env ${envs[@]+"${envs[@]}"} timeout --kill-after=10 $((dur_s + 120)) \
    /usr/bin/time -f '%e %U %S' -o "$timef" "$@" >"$out" 2>"$out.err" &
  local bg=$! gen_pid='' seen=0 lines
  # For salvo, the JVM's CPU ticks (/proc/PID/stat utime+stime) whenever a progress line
  # appears, for the CPU per request in each 10 s window (the total includes start-up and JIT).
  : >"$out.cpu"
  while kill -0 "$bg" 2>/dev/null; do
    if [[ $kind == salvo ]]; then
      [[ -n $gen_pid ]] || gen_pid=$(java_pid "$bg")
      lines=$(grep -c '^ *\[ *[0-9]*s\]' "$out.err" 2>/dev/null || true)
      if [[ -n $gen_pid && ${lines:-0} -gt $seen ]]; then
        seen=$lines
        printf '%s\n' "$(cpu_ticks "$gen_pid")" >>"$out.cpu"
      fi
    fi
    sleep 0.2
  done
  wait "$bg" || rc=$?
  local elapsed user sys cpu parsed
  read -r elapsed user sys <"$timef" || true
  cpu=$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN {printf "%.2f", u + s}')
  if [[ $kind == salvo ]]; then
    parsed=$(parse_salvo "$out")
    # The progress lines (every 10 s) show the warm-up.
    # reqs= is cumulative; the rate per 10 s window is the difference.
    awk -v label="$label" -v run="$run_no" -v hz="$(getconf CLK_TCK)" -v cpuf="$out.cpu" '
      BEGIN { while ((getline c < cpuf) > 0) cpu[++nc] = c }
      /^ *\[ *[0-9]+s\] / {
        t = $0; sub(/^ *\[ */, "", t); sub(/s\].*/, "", t)
        r = $0; sub(/.*reqs=/, "", r); sub(/ .*/, "", r); r += 0
        i++
        w = w sprintf(" %.0f", (r - prev) / (t - pt))
        if (i > 1 && i <= nc && cpu[i] != "" && cpu[i - 1] != "" && r > prev)
          w = w sprintf(" (%.3f)", (cpu[i] - cpu[i - 1]) / hz * 10000 / (r - prev))
        w = w ","
        prev = r; pt = t
      } END { sub(/,$/, "", w); if (w != "") printf "| %s | %d |%s |\n", label, run, w }' "$out.err" >>"$tmp/progress.txt" || true
    if [[ $rc -ne 0 ]] || ! grep -q '^PASSED' "$out"; then
      failures=$((failures + 1))
      echo "http-get.sh: $label exited $rc, not PASSED; its output:" >&2
      tail -n 30 "$out" "$out.err" >&2 || true
    fi
  else
    parsed=$(parse_wrk "$out")
    if [[ $rc -ne 0 ]]; then
      failures=$((failures + 1))
      echo "http-get.sh: $label exited $rc; its output:" >&2
      cat "$out" "$out.err" >&2 || true
    fi
  fi
  local reqs rate errors
  read -r reqs rate errors <<<"$parsed"
  if [[ $reqs == 0 || ($errors != 0 && $errors != ?) ]]; then failures=$((failures + 1)); fi
  echo "http-get.sh:   $reqs requests, $rate req/s, errors $errors, CPU ${user:-?}+${sys:-?} s in ${elapsed:-?} s" >&2
  rows+=("$label|$load|$reqs|$rate|$cpu|$errors")
}

IFS=';' read -ra variants <<<"$SALVO_VARIANTS"
for ((r = 1; r <= RUNS; r++)); do
  for variant in "${variants[@]}"; do
    variant=$(echo "$variant" | xargs)   # trims
    [[ -n $variant ]] || continue
    assignments=()
    script=get-check.js
    label="salvo"
    if [[ $variant != default ]]; then
      read -ra words <<<"$variant"
      for a in "${words[@]}"; do
        [[ $a == *=* ]] || die "SALVO_VARIANTS: not VAR=value: $a"
        if [[ $a == script=* ]]; then script=${a#script=}; else assignments+=("$a"); fi
      done
      label="salvo $variant"
    fi
    [[ -f $root/bench/$script ]] || die "SALVO_VARIANTS: no script bench/$script"
    run_one "$label" salvo ${assignments[@]+"${assignments[@]}"} -- \
      "$root/salvo" run "$root/bench/$script" -u "$VUS" -t "$DURATION" -e "BASE_URL=$BASE_URL"
  done
  if [[ ${SKIP_WRK:-} != 1 ]]; then
    run_one "wrk -t$WRK_THREADS -c$VUS" wrk -- \
      wrk -t"$WRK_THREADS" -c"$VUS" -d"$DURATION" "$BASE_URL"
  fi
done

# --- report ------------------------------------------------------------------------------
echo
echo "nginx $BASE_URL, $VUS VUs/connections, $DURATION per run, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
table() {
  awk -F'|' -v runs="$RUNS" '
    function fmt(x, d) { return sprintf("%." d "f", x) }
    function median(arr, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && arr[j - 1] > arr[j]; j--) {
        t = arr[j]; arr[j] = arr[j - 1]; arr[j - 1] = t }
      return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
    }
    BEGIN {
      print "| generator | run | load (1 min) | requests | req/s | CPU s (user+sys) | CPU s / 10k req | req / CPU-s | errors |"
      print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    }
    {
      label = $1; n = ++count[label]
      if (!(label in seen)) { seen[label] = 1; order[++labels] = label }
      reqs = $3 + 0; cpu = $5 + 0
      per10k = reqs > 0 ? cpu * 10000 / reqs : 0
      percpu = cpu > 0 ? reqs / cpu : 0
      R[label, n] = $4 + 0; C[label, n] = per10k; P[label, n] = percpu
      printf "| %s | %d | %s | %d | %s | %s | %s | %s | %s |\n", label, n, $2, reqs, fmt($4, 0), fmt(cpu, 2), fmt(per10k, 3), fmt(percpu, 0), $6
    }
    END {
      if (runs < 2) exit
      for (k = 1; k <= labels; k++) {
        label = order[k]; n = count[label]
        for (i = 1; i <= n; i++) { a[i] = R[label, i]; b[i] = C[label, i]; c[i] = P[label, i] }
        printf "| **%s, median** | %d runs | | | **%s** | | **%s** | **%s** | |\n", label, n, fmt(median(a, n), 0), fmt(median(b, n), 3), fmt(median(c, n), 0)
      }
    }'
}
printf '%s\n' "${rows[@]}" | table
if [[ -s $tmp/progress.txt ]]; then
  echo
  echo "salvo warm-up: req/s in each 10 s window (from the progress lines salvo prints every 10 s)"
  echo
  echo "(in brackets: the JVM's CPU seconds per 10,000 requests in that window)"
  echo
  echo "| generator | run | req/s per window: 0-10 s, 10-20 s, ... |"
  echo "|---|---:|---|"
  cat "$tmp/progress.txt"
fi

if ((failures)); then
  echo "http-get.sh: $failures problem(s): a generator failed, completed no requests or saw errors" >&2
  exit 1
fi
