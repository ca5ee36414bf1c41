#!/usr/bin/env bash
# The report.html of an 8-hour run (docs/outputs.md, "report.html"): 60 recorded seconds of a rich
# synthetic run (engine/src/test/.../SyntheticRun.java) replayed for SECONDS (28800), through the
# same Timeline and writer as a real run. Prints the file's size (machine-independent) and how long
# headless Chromium took to render it: the page's own script time (data-render-ms) and the browser's
# wall time, start-up included. Render times need a quiet machine.
#
# Environment: SECONDS_RUN (28800), BENCH_OUT (keep the report), BENCH_SCREENSHOT (a PNG to write).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
seconds=${SECONDS_RUN:-28800}
out=${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/salvo-report.XXXXXX")}
mkdir -p "$out"
java=java
for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/temurin-25*/bin/java; do
  [[ -x $j ]] && { java=$j; break; }
done
(cd "$root" && mvn -B -q -pl engine -am test-compile -DskipTests &&
  mvn -B -q -pl engine dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) >&2
"$java" -cp "$root/engine/target/test-classes:$root/engine/target/classes:$(cat "$root/engine/target/classpath.txt")" \
  dev.salvo.engine.report.ReportBench "$seconds" "$out/report.html"

chromium=$(command -v chromium || command -v chromium-browser || true)
[[ -n $chromium ]] || { echo "report-size.sh: no chromium: render time not measured" >&2; exit 0; }
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --hide-scrollbars
  "--user-data-dir=$out/profile")
start=$(date +%s%N)
"$chromium" "${flags[@]}" --dump-dom "file://$out/report.html" 2>/dev/null >"$out/dom.html"
end=$(date +%s%N)
script_ms=$(sed -n 's/.*data-render-ms="\([0-9]*\)".*/\1/p' "$out/dom.html" | head -n 1)
errors=$(sed -n 's/.*data-errors="\([^"]*\)".*/\1/p' "$out/dom.html" | head -n 1)
echo "rendered in Chromium: page script ${script_ms:-?} ms, browser wall time $(((end - start) / 1000000)) ms (start-up included)"
[[ -z $errors ]] || { echo "report-size.sh: the page logged errors: $errors" >&2; exit 1; }
if [[ -n ${BENCH_SCREENSHOT:-} ]]; then
  "$chromium" "${flags[@]}" --window-size=1400,4750 --virtual-time-budget=5000 --screenshot="$BENCH_SCREENSHOT" \
    "file://$out/report.html" 2>/dev/null
fi
echo "report in $out/report.html"
