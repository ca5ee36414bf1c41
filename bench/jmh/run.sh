#!/usr/bin/env bash
# Runs salvo's JMH benchmarks (docs/performance.md, "JMH"). Builds this project when needed, and puts
# the engine's own build output (ENGINE_CLASSES, default engine/target/classes of this checkout)
# ahead of the installed engine jar, so a benchmark measures the checkout's code.
# Usage: bench/jmh/run.sh [JMH options, e.g. RecordBench -wi 2 -i 3 -f 1 -rf json -rff out.json]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
engine=${ENGINE_CLASSES:-$root/engine/target/classes}
[[ -d $engine ]] || { echo "run.sh: no $engine: build the engine first (mvn -o -q -pl engine install -DskipTests)" >&2; exit 1; }
if [[ ! -f $here/target/classpath.txt || -n $(find "$here/src" "$here/pom.xml" -newer "$here/target/classpath.txt" -print -quit) ]]; then
  (cd "$here" && mvn -B -q package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) >&2
fi
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/temurin-25*/bin/java; do
  [[ -x $j ]] && { java=$j; break; }
done
exec "$java" -cp "$here/target/classes:$engine:$(cat "$here/target/classpath.txt")" org.openjdk.jmh.Main "$@"
