/*
 * SVM_FindJavaTZmd (com.oracle.svm.core.LibCHelper): the platform's time zone ID for
 * java.util.TimeZone's default, or NULL (Java then uses GMT). Order: $TZ, the target of the
 * /etc/localtime link (".../zoneinfo/Area/City"), /etc/timezone. The result is malloc'ed.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *zoneOf(const char *path) {
  const char *marker = strstr(path, "zoneinfo/");
  if (marker == NULL || marker[9] == 0) {
    return NULL;
  }
  return strdup(marker + 9);
}

char *SVM_FindJavaTZmd(const char *tzMappings, int length) {
  (void) tzMappings;
  (void) length;
  const char *tz = getenv("TZ");
  if (tz != NULL && *tz != 0) {
    if (*tz == ':') {
      tz++;
    }
    char *zone = zoneOf(tz);
    return zone != NULL ? zone : strdup(tz);
  }
  char link[PATH_MAX];
  ssize_t n = readlink("/etc/localtime", link, sizeof(link) - 1);
  if (n > 0) {
    link[n] = 0;
    char *zone = zoneOf(link);
    if (zone != NULL) {
      return zone;
    }
  }
  FILE *f = fopen("/etc/timezone", "r");
  if (f != NULL) {
    char line[256];
    char *got = fgets(line, sizeof(line), f);
    fclose(f);
    if (got != NULL) {
      line[strcspn(line, " \t\r\n")] = 0;
      if (line[0] != 0) {
        return strdup(line);
      }
    }
  }
  return NULL;
}
