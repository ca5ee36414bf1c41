/*
 * The Java-level signal dispatch of the image (com.oracle.svm.core.posix.headers.CSunMiscSignal,
 * used by PosixSignalHandlerSupport): a C handler counts each signal and posts a semaphore; the
 * dispatcher thread waits on it and takes the pending signals one at a time.
 */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

static sem_t semaphore;
static bool opened;
static atomic_int pending[NSIG];

/* 0 on success. */
int cSunMiscSignal_open(void) {
  if (opened) {
    return -1;
  }
  for (int i = 0; i < NSIG; i++) {
    atomic_store(&pending[i], 0);
  }
  if (sem_init(&semaphore, 0, 0) != 0) {
    return -1;
  }
  opened = true;
  return 0;
}

int cSunMiscSignal_close(void) {
  if (!opened) {
    return -1;
  }
  opened = false;
  return sem_destroy(&semaphore);
}

/* 0 when a post arrived. Interrupted waits are retried. */
int cSunMiscSignal_awaitSemaphore(void) {
  int r;
  while ((r = sem_wait(&semaphore)) != 0 && errno == EINTR) {
  }
  return r;
}

int cSunMiscSignal_signalSemaphore(void) { return sem_post(&semaphore); }

bool cSunMiscSignal_signalRangeCheck(int sig) { return sig > 0 && sig < NSIG; }

/* A signal number with a pending count (taking one), or -1 when there is none. */
int cSunMiscSignal_checkPendingSignal(void) {
  for (int i = 1; i < NSIG; i++) {
    int n = atomic_load(&pending[i]);
    while (n > 0) {
      if (atomic_compare_exchange_weak(&pending[i], &n, n - 1)) {
        return i;
      }
    }
  }
  return -1;
}

static void countSignal(int sig) {
  if (cSunMiscSignal_signalRangeCheck(sig)) {
    int saved = errno;
    atomic_fetch_add(&pending[sig], 1);
    sem_post(&semaphore); /* async-signal-safe */
    errno = saved;
  }
}

void *cSunMiscSignal_signalHandlerFunctionPointer(void) { return (void *) countSignal; }
