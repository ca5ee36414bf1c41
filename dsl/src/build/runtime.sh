#!/usr/bin/env bash
# The last step of the distribution build (dsl/pom.xml, package phase): SALVO_HOME [JDK].
#
# 1. runtime/: a Java runtime made with jlink from the build's JDK (>= 25), with the modules
#    salvo needs, jdk.internal.vm.ci (JVMCI) among them. Stock JDKs hold an empty placeholder
#    module jdk.graal.compiler, so the Graal compiler can only be added to them with
#    --upgrade-module-path, which turns CDS and the AOT cache off. This runtime leaves the
#    placeholder out, and the launcher puts the compiler on the plain module path instead.
# 2. lib/salvo.aot: the AOT cache, recorded by bin/aot-cache (a short training run).
#
# JDK: the JDK home (or its bin/java) to link from; default: the Maven toolchain's, passed in
# SALVO_BUILD_JAVA. Without jlink there (a JRE), both are left out and the launcher finds a JDK.
set -euo pipefail

home=${1:?usage: runtime.sh SALVO_HOME [JDK]}
jdk=${2:-${SALVO_BUILD_JAVA:-}}

rm -rf "$home/runtime" "$home/lib/salvo.aot"
[[ -n $jdk ]] || { echo "runtime.sh: no JDK given (argument or SALVO_BUILD_JAVA)" >&2; exit 1; }
[[ -f $jdk ]] && jdk=$(dirname "$(dirname "$jdk")")
if [[ ! -x $jdk/bin/jlink ]]; then
  echo "runtime.sh: no jlink in $jdk: the distribution will run on a JDK found at launch" >&2
  exit 0
fi

modules=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml
modules+=,jdk.unsupported,jdk.management,jdk.internal.vm.ci,jdk.crypto.ec,java.desktop,jdk.jfr
modules+=,jdk.zipfs,jdk.charsets,jdk.localedata
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$home/runtime"
"$home/bin/aot-cache" >/dev/null
