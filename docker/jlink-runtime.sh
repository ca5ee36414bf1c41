#!/usr/bin/env bash
# Builds the Java runtime of the salvo image with jlink: JDK_HOME OUT.
# jdk.internal.vm.ci is the module JVMCI needs, so GraalJS's optimizing runtime starts on it
# (a stock JRE image may lack it). Used by the Dockerfile and, outside Docker, by .ci/run.
set -euo pipefail

jdk=${1:?usage: jlink-runtime.sh JDK_HOME OUT}
out=${2:?usage: jlink-runtime.sh JDK_HOME OUT}

modules=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml
modules+=,jdk.unsupported,jdk.management,jdk.internal.vm.ci,jdk.crypto.ec,java.desktop

rm -rf "$out"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$out"
