/*
 * The JVM_* entry points the image itself calls (com.oracle.svm.core.jdk.Jvm, library "jvm").
 */
#include <signal.h>
#include <stddef.h>
#include <sys/time.h>
#include <unistd.h>

void initialize(void) {}

int JVM_ActiveProcessorCount(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : (int) n;
}

/* Installs handler for sig and returns the previous one ((void *) -1 on failure), as HotSpot's. */
void *JVM_RegisterSignal(int sig, void *handler) {
  struct sigaction now, before;
  sigemptyset(&now.sa_mask);
  now.sa_flags = SA_RESTART;
  now.sa_handler = (void (*)(int)) handler;
  if (sigaction(sig, &now, &before) != 0) {
    return (void *) -1;
  }
  return (void *) before.sa_handler;
}

long long JVM_CurrentTimeMillis(void *env, void *ignored) {
  (void) env;
  (void) ignored;
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (long long) tv.tv_sec * 1000 + tv.tv_usec / 1000;
}
