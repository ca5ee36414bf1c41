/*
 * Checks of our C support pieces, run by build.sh after building them (a failure stops the native
 * build): the CPU features every x86-64 has, the mask rule of checkCPUFeatures, the time zone and
 * locale parsing, the signal counting, and the container functions' sanity.
 */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amd64cpufeatures.h"
#include "svm_locale.h"

void determineCPUFeatures(CPUFeatures *f);
int checkCPUFeatures(const char *mask);
char *SVM_FindJavaTZmd(const char *mappings, int length);
int svm_initialize_locale(void);
svm_locale_props_t *svm_get_locale(void);
int cSunMiscSignal_open(void);
int cSunMiscSignal_checkPendingSignal(void);
int cSunMiscSignal_awaitSemaphore(void);
void *cSunMiscSignal_signalHandlerFunctionPointer(void);
int svm_container_initialize(int version);
int svm_container_active_processor_count(void);
unsigned long svm_container_physical_memory(void);

static int failures;

#define CHECK(cond) \
  do { \
    if (!(cond)) { \
      fprintf(stderr, "check.c:%d: failed: %s\n", __LINE__, #cond); \
      failures++; \
    } \
  } while (0)

int main(void) {
  CPUFeatures f;
  determineCPUFeatures(&f);
  CHECK(f.fSSE2 == 1 && f.fCX8 == 1 && f.fCMOV == 1 && f.fFXSR == 1); /* the x86-64 baseline */

  unsigned char mask[sizeof(CPUFeatures)];
  memset(mask, 0xFF, sizeof(mask)); /* nothing required */
  CHECK(checkCPUFeatures((const char *) mask) == 0);
  mask[offsetof(CPUFeatures, fSSE2)] = 0xFE; /* SSE2 required: present */
  CHECK(checkCPUFeatures((const char *) mask) == 0);
  memset(mask, 0xFE, sizeof(mask)); /* everything required: no CPU has AVX512ER and APX_F both */
  CHECK(checkCPUFeatures((const char *) mask) != 0);

  setenv("TZ", "Europe/Zurich", 1);
  char *tz = SVM_FindJavaTZmd(NULL, 0);
  CHECK(tz != NULL && strcmp(tz, "Europe/Zurich") == 0);
  free(tz);
  setenv("TZ", ":/usr/share/zoneinfo/America/New_York", 1);
  tz = SVM_FindJavaTZmd(NULL, 0);
  CHECK(tz != NULL && strcmp(tz, "America/New_York") == 0);
  free(tz);

  unsetenv("LC_ALL");
  setenv("LC_MESSAGES", "de_CH.UTF-8@euro", 1);
  setenv("LC_CTYPE", "C", 1);
  CHECK(svm_initialize_locale() == SVM_LOCALE_INITIALIZATION_SUCCEEDED);
  svm_locale_props_t *l = svm_get_locale();
  CHECK(strcmp(l->display_language, "de") == 0 && strcmp(l->display_country, "CH") == 0);
  CHECK(strcmp(l->display_variant, "euro") == 0);
  CHECK(strcmp(l->format_language, "en") == 0 && strcmp(l->format_country, "") == 0);

  CHECK(cSunMiscSignal_open() == 0);
  CHECK(cSunMiscSignal_checkPendingSignal() == -1);
  void (*handler)(int) = (void (*)(int)) cSunMiscSignal_signalHandlerFunctionPointer();
  signal(SIGUSR2, handler);
  raise(SIGUSR2);
  CHECK(cSunMiscSignal_awaitSemaphore() == 0);
  CHECK(cSunMiscSignal_checkPendingSignal() == SIGUSR2);
  CHECK(cSunMiscSignal_checkPendingSignal() == -1);

  CHECK(svm_container_initialize(240100) <= 1);
  CHECK(svm_container_initialize(1) == 3);
  CHECK(svm_container_active_processor_count() >= 1);
  CHECK(svm_container_physical_memory() > 0);

  if (failures == 0) {
    puts("native C checks: ok");
  }
  return failures == 0 ? 0 : 1;
}
