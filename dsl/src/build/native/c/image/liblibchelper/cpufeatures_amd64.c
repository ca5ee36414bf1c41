/*
 * CPU features for the image's start-up check (com.oracle.svm.core.amd64.AMD64LibCHelper):
 * determineCPUFeatures fills the CPUFeatures struct of amd64cpufeatures.h (generated from svm.jar)
 * from CPUID/XGETBV; checkCPUFeatures compares it with the image's BUILDTIME_CPU_FEATURE_MASK, laid
 * out as that same struct by the builder (CPUFeatureAccessFeatureBase): 0xFF in every byte, 0xFE in
 * the field of each feature the image needs, so (have | mask) is 0xFF in each byte when all are there.
 * Bit positions: Intel SDM vol. 2A, CPUID; AMD APM vol. 3 for the extended leaves.
 */
#if defined(__x86_64__)
#include <cpuid.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amd64cpufeatures.h"

#define BIT(reg, n) ((char) (((reg) >> (n)) & 1))

static void leaf(unsigned int l, unsigned int sub, unsigned int r[4]) {
  unsigned int max = __get_cpuid_max(l & 0x80000000u, NULL);
  if (max < l) {
    r[0] = r[1] = r[2] = r[3] = 0;
    return;
  }
  __cpuid_count(l, sub, r[0], r[1], r[2], r[3]);
}

static unsigned long long xcr0(int osxsave) {
  if (!osxsave) {
    return 0;
  }
  unsigned int lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((unsigned long long) hi << 32) | lo;
}

void determineCPUFeatures(CPUFeatures *f) {
  unsigned int l1[4], l7[4], l71[4], e1[4], e7[4], l24[4];
  enum { A, B, C, D };
  memset(f, 0, sizeof(*f));
  leaf(1, 0, l1);
  leaf(7, 0, l7);
  leaf(7, 1, l71);
  leaf(0x80000001u, 0, e1);
  leaf(0x80000007u, 0, e7);

  unsigned long long xcr = xcr0(BIT(l1[C], 27));
  int avxOs = (xcr & 0x6) == 0x6;           /* XMM and YMM state */
  int avx512Os = avxOs && (xcr & 0xe0) == 0xe0; /* opmask, ZMM_Hi256, Hi16_ZMM */

  f->fTSC = BIT(l1[D], 4);
  f->fCX8 = BIT(l1[D], 8);
  f->fCMOV = BIT(l1[D], 15);
  f->fFLUSH = BIT(l1[D], 19);
  f->fMMX = BIT(l1[D], 23);
  f->fFXSR = BIT(l1[D], 24);
  f->fSSE = BIT(l1[D], 25);
  f->fSSE2 = BIT(l1[D], 26);
  f->fHT = BIT(l1[D], 28);

  f->fSSE3 = BIT(l1[C], 0);
  f->fCLMUL = BIT(l1[C], 1);
  f->fSSSE3 = BIT(l1[C], 9);
  f->fSSE4_1 = BIT(l1[C], 19);
  f->fSSE4_2 = BIT(l1[C], 20);
  f->fPOPCNT = BIT(l1[C], 23);
  f->fAES = BIT(l1[C], 25);
  f->fHV = BIT(l1[C], 31);
  if (avxOs) {
    f->fFMA = BIT(l1[C], 12);
    f->fAVX = BIT(l1[C], 28);
    f->fF16C = BIT(l1[C], 29);
    f->fVZEROUPPER = f->fAVX;
    f->fAVX2 = BIT(l7[B], 5);
    f->fAVX_IFMA = BIT(l71[A], 23);
    f->fAVX512_VAES = BIT(l7[C], 9);
    f->fAVX512_VPCLMULQDQ = BIT(l7[C], 10);
  }

  f->fBMI1 = BIT(l7[B], 3);
  f->fBMI2 = BIT(l7[B], 8);
  f->fERMS = BIT(l7[B], 9);
  f->fRTM = BIT(l7[B], 11);
  f->fADX = BIT(l7[B], 19);
  f->fFLUSHOPT = BIT(l7[B], 23);
  f->fCLWB = BIT(l7[B], 24);
  f->fSHA = BIT(l7[B], 29);
  if (avx512Os) {
    f->fAVX512F = BIT(l7[B], 16);
    f->fAVX512DQ = BIT(l7[B], 17);
    f->fAVX512_IFMA = BIT(l7[B], 21);
    f->fAVX512PF = BIT(l7[B], 26);
    f->fAVX512ER = BIT(l7[B], 27);
    f->fAVX512CD = BIT(l7[B], 28);
    f->fAVX512BW = BIT(l7[B], 30);
    f->fAVX512VL = BIT(l7[B], 31);
    f->fAVX512_VBMI = BIT(l7[C], 1);
    f->fAVX512_VBMI2 = BIT(l7[C], 6);
    f->fAVX512_VNNI = BIT(l7[C], 11);
    f->fAVX512_BITALG = BIT(l7[C], 12);
    f->fAVX512_VPOPCNTDQ = BIT(l7[C], 14);
    f->fAVX512_FP16 = BIT(l7[D], 23);
    if (BIT(l71[D], 19)) { /* AVX10: its version in leaf 0x24 */
      leaf(0x24, 0, l24);
      f->fAVX10_1 = (l24[B] & 0xff) >= 1;
      f->fAVX10_2 = (l24[B] & 0xff) >= 2;
    }
  }
  f->fPKU = BIT(l7[C], 3);
  f->fOSPKE = BIT(l7[C], 4);
  f->fCET_SS = BIT(l7[C], 7);
  f->fGFNI = BIT(l7[C], 8);
  f->fRDPID = BIT(l7[C], 22);
  f->fFSRM = BIT(l7[D], 4);
  f->fSERIALIZE = BIT(l7[D], 14);
  f->fCET_IBT = BIT(l7[D], 20);
  f->fSHA512 = BIT(l71[A], 0);
  f->fAPX_F = BIT(l71[D], 21) && (xcr & (1ull << 19));

  f->fLZCNT = BIT(e1[C], 5);
  f->fSSE4A = BIT(e1[C], 6);
  f->fAMD_3DNOW_PREFETCH = BIT(e1[C], 8);
  f->fRDTSCP = BIT(e1[D], 27);
  f->fTSCINV_BIT = BIT(e7[D], 8);
  f->fTSCINV = f->fTSCINV_BIT;
}

/* 0 when this CPU has every feature the image was built for, else -1. */
int checkCPUFeatures(const char *buildtimeMask) {
  CPUFeatures now;
  determineCPUFeatures(&now);
  const unsigned char *have = (const unsigned char *) &now;
  const unsigned char *mask = (const unsigned char *) buildtimeMask;
  for (size_t i = 0; i < sizeof(now); i++) {
    if ((unsigned char) (have[i] | mask[i]) != 0xFF) {
      return -1;
    }
  }
  return 0;
}

int checkCPUFeaturesOrExit(const char *buildtimeMask, const char *errorMessage) {
  int result = checkCPUFeatures(buildtimeMask);
  if (result != 0) {
    fputs(errorMessage, stderr);
    fputc('\n', stderr);
    exit(1);
  }
  return result;
}
#endif
