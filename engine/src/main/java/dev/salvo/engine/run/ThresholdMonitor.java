package dev.salvo.engine.run;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Evaluates thresholds over the metrics: every 2 s during the run for those with
 * {@code abortOnFail} (once their {@code delayAbortEval} has passed), and once at the end.
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
            for (Verdict v : evaluate(due, metrics.aggregates(), seconds)) {
                if (!v.passed() && !v.noData()) {
                    fired[0] = true;
                    onAbort.accept(v);
                    return;
                }
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Each threshold over the merge of the series its selector matches. */
    public static List<Verdict> evaluate(List<Threshold> thresholds, List<Aggregate> aggregates, double seconds) {
        List<Verdict> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            Aggregate merged = null;
            for (Aggregate a : aggregates) {
                if (!a.metric().name().equals(t.selector().metric()) || !t.selector().matches(a.tags())) continue;
                merged = merged == null ? a : merged.merge(a);
            }
            out.add(ThresholdEvaluator.evaluate(t, merged, seconds));
        }
        return out;
    }

    /**
     * Sub-metric selectors that matched no series although their metric has data: most often a
     * typo in a tag value. Each warning lists the values the tag did have.
     */
    public static List<String> unmatchedSelectors(List<Threshold> thresholds, List<Aggregate> aggregates) {
        List<String> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            if (t.selector().tags().isEmpty()) continue;
            boolean metricSeen = false;
            boolean matched = false;
            java.util.Map<String, java.util.Set<String>> seen = new java.util.TreeMap<>();
            for (Aggregate a : aggregates) {
                if (!a.metric().name().equals(t.selector().metric()) || a.count() == 0) continue;
                metricSeen = true;
                matched |= t.selector().matches(a.tags());
                for (String tag : t.selector().tags().keySet()) {
                    String v = a.tags().get(tag);
                    if (v != null && seen.computeIfAbsent(tag, k -> new java.util.TreeSet<>()).size() < 10) seen.get(tag).add(v);
                }
            }
            if (metricSeen && !matched) {
                out.add("threshold on '" + t.selector().text() + "' matched no sample; values seen: " + (seen.isEmpty() ? "none of these tags" : seen));
            }
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
