#!/usr/bin/env bash
# Builds our C support libraries for the native image into OUT (the builder's -H:CLibraryPath):
# the static libraries the builder links every image with, written by us to the @CFunction and
# @CStruct declarations in svm.jar (docs/native.md). Run by ../native.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
out=${1:?usage: build.sh OUT}
mkdir -p "$out"
for lib in "$here"/*/; do
  name=$(basename "$lib")
  objs=()
  for src in "$lib"*.c; do
    [[ -e $src ]] || continue
    obj=$out/$name-$(basename "$src" .c).o
    gcc -std=c11 -O2 -fPIC -Wall -Wextra -Werror -D_GNU_SOURCE -c "$src" -o "$obj"
    objs+=("$obj")
  done
  rm -f "$out/lib$name.a"
  ar rcs "$out/lib$name.a" ${objs[@]+"${objs[@]}"}
done
