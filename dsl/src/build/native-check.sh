#!/usr/bin/env bash
# Smoke check of the native salvo (dsl/target/salvo-native/salvo, made by ./salvo native): the
# commands docs/native.md lists as working, each bounded in time, against 127.0.0.1 only.
# Exit 0 when all pass; prints each command's result.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)
salvo=$root/dsl/target/salvo-native/salvo
[[ -x $salvo ]] || { echo "native-check: no $salvo: run ./salvo native first" >&2; exit 1; }
cd "$root" || exit 1
failed=0
check() {
  local name=$1
  shift
  local out
  if out=$(timeout 120 "$@" 2>&1); then
    echo "ok    $name"
  else
    echo "FAIL  $name (exit $?)"
    printf '%s\n' "$out" | head -n 20 | sed 's/^/      /'
    failed=1
  fi
}
check "version says Substrate VM and GraalVM CE" bash -c "'$salvo' version | grep -q 'Substrate VM' && '$salvo' version | grep -q 'GraalVM CE'"
check "validate examples/quickstart.js" "$salvo" validate examples/quickstart.js
check "a syntax error exits 3" bash -c "printf 'bad(\n' >'${TMPDIR:-/tmp}/native-bad.js'; '$salvo' validate '${TMPDIR:-/tmp}/native-bad.js'; [[ \$? == 3 ]]"
check "run --demo examples/quickstart.js" "$salvo" run --demo examples/quickstart.js
# A runtime whose compilations all fail runs at the interpreter's speed: the summary must show compiled functions.
hot=${TMPDIR:-/tmp}/native-hot.js
printf '%s\n' 'export const options = { vus: 1, duration: "3s" };' \
  'function work(n) { let s = 0; for (let i = 0; i < n; i++) { s += i % 7; } return s; }' \
  'export default function () { work(200000); }' >"$hot"
check "the optimizing runtime compiles a hot loop" bash -c "out=\$('$salvo' run --no-progress '$hot') || exit 1
  grep -E 'js runtime +compiled; [0-9]+ functions? compiled' <<<\"\$out\" && ! grep -E 'compilations? failed' <<<\"\$out\""
exit $failed
