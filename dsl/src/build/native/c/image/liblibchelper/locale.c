/*
 * The default locale (com.oracle.svm.core.c.locale.LocaleCHelper): svm_initialize_locale parses
 * the POSIX locale names of LC_ALL / LC_MESSAGES (display) and LC_ALL / LC_CTYPE (format), each
 * falling back to LANG, as language[_COUNTRY][.encoding][@variant]; "C" and "POSIX" read as "en"
 * (as the JDK maps the C locale). svm_locale_props_t is generated from svm.jar (svm_locale.h).
 */
#include <stdlib.h>
#include <string.h>

#include "svm_locale.h"

static svm_locale_props_t props;

static const char *localeName(const char *category) {
  const char *names[] = {"LC_ALL", category, "LANG"};
  for (int i = 0; i < 3; i++) {
    const char *v = getenv(names[i]);
    if (v != NULL && *v != 0) {
      return v;
    }
  }
  return "C";
}

/* Splits name into the four fields; 0 on success, -1 when out of memory. */
static int parse(const char *name, char **language, char **script, char **country, char **variant) {
  if (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 || strncmp(name, "C.", 2) == 0) {
    name = "en";
  }
  char *copy = strdup(name);
  if (copy == NULL) {
    return -1;
  }
  char *at = strchr(copy, '@');
  if (at != NULL) {
    *at++ = 0;
  }
  char *dot = strchr(copy, '.');
  if (dot != NULL) {
    *dot = 0;
  }
  char *underscore = strchr(copy, '_');
  if (underscore != NULL) {
    *underscore++ = 0;
  }
  *language = strdup(copy);
  *script = strdup("");
  *country = strdup(underscore != NULL ? underscore : "");
  *variant = strdup(at != NULL ? at : "");
  free(copy);
  return (*language && *script && *country && *variant) ? 0 : -1;
}

int svm_initialize_locale(void) {
  if (parse(localeName("LC_MESSAGES"), &props.display_language, &props.display_script,
            &props.display_country, &props.display_variant) != 0 ||
      parse(localeName("LC_CTYPE"), &props.format_language, &props.format_script,
            &props.format_country, &props.format_variant) != 0) {
    return SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY;
  }
  return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

svm_locale_props_t *svm_get_locale(void) { return &props; }
