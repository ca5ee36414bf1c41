package dev.salvo.engine.thresholds;

import dev.salvo.engine.metrics.Metrics;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Evaluates thresholds over the metrics: every 2 s during the run for those with
 * {@code abortOnFail} (once their {@code delayAbortEval} has passed); the end-of-run verdicts
 * are {@link ThresholdEvaluator#evaluateAll}.
 */
public final class ThresholdMonitor implements AutoCloseable {
    public static final long PERIOD_MILLIS = 2000;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salvo-thresholds");
        t.setDaemon(true);
        return t;
    });

    /** Starts watching; {@code onAbort} gets the first failing abortOnFail verdict, once. */
    public ThresholdMonitor(List<Threshold> thresholds, Metrics metrics, Consumer<Verdict> onAbort) {
        List<Threshold> watched = thresholds.stream().filter(Threshold::abortOnFail).toList();
        if (watched.isEmpty()) return;
        long start = System.nanoTime();
        boolean[] fired = new boolean[1];
        timer.scheduleAtFixedRate(() -> {
            if (fired[0]) return;
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Threshold> due = watched.stream().filter(t -> seconds * 1000 >= t.delayAbortEval().toMillis()).toList();
            for (Verdict v : ThresholdEvaluator.evaluateAll(due, metrics.aggregates(), seconds)) {
                if (!v.passed() && !v.noData()) {
                    fired[0] = true;
                    onAbort.accept(v);
                    return;
                }
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
