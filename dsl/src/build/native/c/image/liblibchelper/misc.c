/*
 * Small libc wrappers the image calls by these names (@CFunction declarations in svm.jar:
 * LibCHelper, LinuxLibCHelper, Fcntl.NoTransitions, PosixVMThreads), and the JNI_OnLoad_<lib> hooks
 * of the JDK libraries the image treats as built in (java, net, nio, zip, extnet: linked as the
 * JDK's shared libraries, see native.sh).
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <jni.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

char **getEnviron(void) { return environ; }

void *mremapP(void *old, size_t oldSize, size_t newSize, int flags, void *newAddress) {
  return mremap(old, oldSize, newSize, flags, newAddress);
}

int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }

int openatISII(int dir, const char *path, int flags, int mode) { return openat(dir, path, flags, mode); }

int fprintfSD(FILE *file, const char *format, const char *s, int d) { return fprintf(file, format, s, d); }

int getThreadId(void) { return (int) syscall(SYS_gettid); }

/* CPU time in user mode of thread tid, in nanoseconds: field 14 (utime, clock ticks) of its stat. */
long long getThreadUserTimeSlow(int tid) {
  char path[64], buf[1024];
  snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    return -1;
  }
  size_t n = fread(buf, 1, sizeof(buf) - 1, f);
  fclose(f);
  buf[n] = 0;
  char *p = strrchr(buf, ')'); /* the command name may hold spaces */
  if (p == NULL) {
    return -1;
  }
  unsigned long long utime = 0;
  /* after ") ": state(3) ... utime is the 14th field, the 12th after the state */
  if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu", &utime) != 1) {
    return -1;
  }
  return (long long) (utime * (1000000000ull / (unsigned long long) sysconf(_SC_CLK_TCK)));
}

/*
 * The image calls JNI_OnLoad_<lib> where a static JDK library would have its own. Ours runs the
 * shared library's JNI_OnLoad, when it has one (libnet's initializes its field IDs), and answers at
 * least JNI 1.8: the image refuses older versions ("Unsupported JNI version 0x10002", libjava's).
 */
static jint onLoad(const char *file, JavaVM *vm, void *reserved) {
  jint version = JNI_VERSION_1_8;
  void *lib = dlopen(file, RTLD_LAZY | RTLD_NOLOAD);
  if (lib != NULL) {
    jint (*own)(JavaVM *, void *) = (jint (*)(JavaVM *, void *)) dlsym(lib, "JNI_OnLoad");
    if (own != NULL) {
      jint v = own(vm, reserved);
      if (v < 0) {
        return v;
      }
      if (v > version) {
        version = v;
      }
    }
  }
  return version;
}

#define HOOK(lib) \
  JNIEXPORT jint JNICALL JNI_OnLoad_##lib(JavaVM *vm, void *reserved) { return onLoad("lib" #lib ".so", vm, reserved); }
HOOK(java)
HOOK(net)
HOOK(nio)
HOOK(zip)
HOOK(extnet)
HOOK(management_ext)
