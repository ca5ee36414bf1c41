# shellcheck shell=bash
# Shared by the memory benchmarks (vus-memory.sh, ws-sockets.sh, k6-sync-vus.sh): source it, do not run it.

# salvo_pid ARGS: the newest salvo process whose command line has "run ARGS" (an extended regular
# expression): the JVM of the JVM distribution or the native executable (<dist>/salvo [options] run ...).
salvo_pid() {
  pgrep -n -f "(dev\.salvo\.dsl\.cli\.Main|^[^ ]*/salvo( -[^ ]+)*) run $1" || true
}

# heap_after_gc PID OUT: runs a full GC in the JVM PID, keeps its GC.heap_info in OUT and prints the
# heap in use after the GC, in KiB (nothing when jcmd could not attach: the native salvo has no jcmd).
heap_after_gc() {
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info >"$2" 2>&1 || true
  sed -n 's/.*used \([0-9]*\)K.*/\1/p' "$2" | head -n 1
}

# fail_on_oom NAME DIR: exits 1 when salvo's output in DIR (salvo.out, salvo.err) shows an OutOfMemoryError.
fail_on_oom() {
  if grep -q OutOfMemoryError "$2/salvo.err" "$2/salvo.out"; then
    echo "$1: OutOfMemoryError (logs in $2)" >&2
    exit 1
  fi
}
