#!/usr/bin/env bash
# Builds our C support pieces for the native image, written by us to the declarations in svm.jar
# (@CFunction/@CStruct and native methods; docs/native.md), with the system's gcc. Run by ../native.sh:
#
#   build.sh JDK CLIBS BUILDER_JAR...   (the jars: svm, nativeimage, word, for CHeaders.java)
#
#   builder/*.c        -> JDK/lib/svm/builder/lib/lib<name>.so  (JNI libraries the builder loads)
#   image/<lib>/*.c    -> CLIBS/lib<lib>.a                      (linked into every image: -H:CLibraryPath)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
jdk=${1:?usage: build.sh JDK CLIBS BUILDER_JAR...}
out=${2:?usage: build.sh JDK CLIBS BUILDER_JAR...}
shift 2
cflags=(-std=gnu11 -O2 -fPIC -Wall -Wextra -Werror)

mkdir -p "$jdk/lib/svm/builder/lib" "$out"
# The headers of the builder's C queries, from svm.jar's own declarations (CHeaders.java).
"$jdk/bin/java" "$here/../CHeaders.java" "$out/include" "$@"
for src in "$here"/builder/*.c; do
  gcc "${cflags[@]}" -shared -I"$jdk/include" -I"$jdk/include/linux" "$src" \
    -o "$jdk/lib/svm/builder/lib/lib$(basename "$src" .c).so"
done
for dir in "$here"/image/*/; do
  name=$(basename "$dir")
  objs=()
  for src in "$dir"*.c; do
    [[ -e $src ]] || continue
    obj=$out/$name-$(basename "$src" .c).o
    gcc "${cflags[@]}" -I"$out/include" -c "$src" -o "$obj"
    objs+=("$obj")
  done
  rm -f "$out/$name.a"
  ar rcs "$out/$name.a" ${objs[@]+"${objs[@]}"}
done
