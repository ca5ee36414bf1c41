/*
 * Container limits for the image (com.oracle.svm.core.container.ContainerLibrary, library
 * "svm_container"): cgroup v2 only, read from the unified hierarchy at /sys/fs/cgroup (the
 * process's own cgroup, as seen inside a container). On cgroup v1 or without limits the image
 * counts as not containerized and uses the machine's memory and CPUs.
 * Return values follow ContainerLibrary's constants (VERSION 240100, SUCCESS_IS_[NOT_]CONTAINERIZED).
 */
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define VERSION 240100
#define NOT_CONTAINERIZED 0
#define CONTAINERIZED 1
#define TOO_OLD 2
#define TOO_NEW 3
#define UNLIMITED (-1LL)
#define UNSUPPORTED (-2LL)

static int containerized;

/* A number read from a cgroup file; UNLIMITED for "max"; UNSUPPORTED when missing. */
static long long readValue(const char *file, int field) {
  char path[256], buf[256];
  snprintf(path, sizeof(path), "/sys/fs/cgroup/%s", file);
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    return UNSUPPORTED;
  }
  char *got = fgets(buf, sizeof(buf), f);
  fclose(f);
  if (got == NULL) {
    return UNSUPPORTED;
  }
  char *p = buf;
  for (int i = 0; i < field; i++) {
    p = strchr(p, ' ');
    if (p == NULL) {
      return UNSUPPORTED;
    }
    p++;
  }
  if (strncmp(p, "max", 3) == 0) {
    return UNLIMITED;
  }
  long long v;
  return sscanf(p, "%lld", &v) == 1 ? v : UNSUPPORTED;
}

/* The value of key in a "key value" cgroup file such as memory.stat. */
static long long readKey(const char *file, const char *key) {
  char path[256], line[256];
  snprintf(path, sizeof(path), "/sys/fs/cgroup/%s", file);
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    return UNSUPPORTED;
  }
  long long v = UNSUPPORTED;
  size_t n = strlen(key);
  while (fgets(line, sizeof(line), f) != NULL) {
    if (strncmp(line, key, n) == 0 && line[n] == ' ') {
      sscanf(line + n + 1, "%lld", &v);
      break;
    }
  }
  fclose(f);
  return v;
}

int svm_container_initialize(int version) {
  if (version < VERSION) {
    return TOO_NEW;
  }
  if (version > VERSION) {
    return TOO_OLD;
  }
  containerized = access("/sys/fs/cgroup/cgroup.controllers", R_OK) == 0 &&
                  (readValue("memory.max", 0) >= 0 || readValue("cpu.max", 0) >= 0);
  return containerized ? CONTAINERIZED : NOT_CONTAINERIZED;
}

unsigned long svm_container_physical_memory(void) {
  return (unsigned long) sysconf(_SC_PHYS_PAGES) * (unsigned long) sysconf(_SC_PAGESIZE);
}

long long svm_container_memory_limit_in_bytes(void) { return readValue("memory.max", 0); }

long long svm_container_memory_and_swap_limit_in_bytes(void) {
  long long memory = readValue("memory.max", 0), swap = readValue("memory.swap.max", 0);
  if (memory < 0 || swap == UNLIMITED) {
    return memory < 0 ? memory : UNLIMITED;
  }
  return swap < 0 ? memory : memory + swap;
}

long long svm_container_memory_soft_limit_in_bytes(void) { return readValue("memory.low", 0); }

long long svm_container_memory_usage_in_bytes(void) { return readValue("memory.current", 0); }

long long svm_container_memory_max_usage_in_bytes(void) { return readValue("memory.peak", 0); }

long long svm_container_rss_usage_in_bytes(void) { return readKey("memory.stat", "anon"); }

long long svm_container_cache_usage_in_bytes(void) { return readKey("memory.stat", "file"); }

/* CPUs this process may use: its affinity mask, lowered by a cpu.max quota. */
int svm_container_active_processor_count(void) {
  cpu_set_t set;
  int cpus = sched_getaffinity(0, sizeof(set), &set) == 0 ? CPU_COUNT(&set) : (int) sysconf(_SC_NPROCESSORS_ONLN);
  long long quota = readValue("cpu.max", 0), period = readValue("cpu.max", 1);
  if (containerized && quota > 0 && period > 0) {
    int limit = (int) ((quota + period - 1) / period);
    if (limit < cpus) {
      cpus = limit;
    }
  }
  return cpus < 1 ? 1 : cpus;
}
