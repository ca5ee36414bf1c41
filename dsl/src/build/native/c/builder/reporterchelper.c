/*
 * libreporterchelper.so: the two JNI methods of the builder's com.oracle.svm.hosted.ProgressReporterCHelper
 * (its build-output lines): peak resident set size of the builder, and the terminal's width.
 * Written for salvo to the native method declarations of svm.jar (javap -p).
 */
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

/* private static native long getPeakRSS0(): bytes. getrusage reports kilobytes on Linux. */
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0) {
    return -1;
  }
  return (jlong) usage.ru_maxrss * 1024;
}

/* private static native int getTerminalWindowColumns0(): columns of stdout's terminal, or 0. */
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  struct winsize size;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) {
    return 0;
  }
  return size.ws_col;
}
