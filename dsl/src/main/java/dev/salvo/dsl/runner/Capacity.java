package dev.salvo.dsl.runner;

import dev.salvo.engine.plan.Isolation;
import dev.salvo.engine.plan.Plan;

import java.util.Locale;

/**
 * The plan's VUs checked against the heap before any is created: a clear error up front instead
 * of an OutOfMemoryError half-way through initialising them.
 */
final class Capacity {
    /** A context per VU: 94–101 MB of heap per 1,000 VUs measured (docs/performance.md). */
    static final long BYTES_PER_VU = 100 * 1024;
    /** {@code isolation: 'worker'}: 10–20 MB per 1,000 VUs measured. */
    static final long BYTES_PER_SHARED_VU = 20 * 1024;
    /** What the VUs may take of the heap; the rest is for responses, histograms and the JS engine. */
    static final double SHARE = 0.8;

    private Capacity() {}

    /** Null when the plan's VUs fit in {@code maxHeap} bytes, else why they do not and what to do. */
    static String check(Plan plan, long maxHeap) {
        long vus = plan.vuCapacity();
        boolean shared = plan.isolation() == Isolation.WORKER;
        long each = shared ? BYTES_PER_SHARED_VU : BYTES_PER_VU;
        double need = (double) vus * each;
        if (need <= maxHeap * SHARE) return null;
        return String.format(Locale.ROOT, "%d VUs need about %s of heap (~%d KiB each), more than this JVM can give them (%s of %s)"
                        + ": run fewer VUs, give the JVM more heap (SALVO_OPTS=-Xmx...)%s", vus, size(need), each / 1024,
                size(maxHeap * SHARE), size(maxHeap), shared ? "" : ", or share contexts (options.isolation: 'worker', ~20 KiB a VU)");
    }

    private static String size(double bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1L << 20));
    }
}
