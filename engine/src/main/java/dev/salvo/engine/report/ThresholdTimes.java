package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.ThresholdMonitor;
import dev.salvo.engine.thresholds.Verdict;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each threshold first failed, for report.html: the intervals add up to the run's totals so
 * far, and every {@link ThresholdMonitor#PERIOD_MILLIS} ms of the run the thresholds are evaluated
 * over them, as abortOnFail would be. Only series a threshold reads are kept.
 */
final class ThresholdTimes {
    private record SeriesKey(String metric, Tags tags) {}

    /** A series' totals so far; a trend's histogram is added to in place, not copied every second. */
    private static final class Running {
        Aggregate total;
        Histogram histogram;

        void add(Aggregate a) {
            if (a.histogram() == null) {
                total = total == null ? a : total.merge(a);
                return;
            }
            if (histogram == null) histogram = new Histogram(a.histogram().getNumberOfSignificantValueDigits());
            histogram.add(a.histogram());
            total = total == null ? Aggregate.trend(a.metric(), a.tags(), a.count(), a.sum(), a.min(), a.max(), histogram)
                    : Aggregate.trend(a.metric(), a.tags(), total.count() + a.count(), total.sum() + a.sum(),
                            Math.min(total.min(), a.min()), Math.max(total.max(), a.max()), histogram);
        }
    }

    private final List<Threshold> thresholds = new ArrayList<>();
    private final Map<SeriesKey, Running> totals = new HashMap<>();
    private final Map<String, Double> first = new LinkedHashMap<>();
    private long startMillis = -1;
    private long nextMillis;

    void watch(List<Threshold> list) {
        thresholds.addAll(list);
    }

    void onInterval(Interval interval) {
        if (thresholds.isEmpty()) return;
        if (startMillis < 0) {
            startMillis = interval.startMillis();
            nextMillis = startMillis + ThresholdMonitor.PERIOD_MILLIS;
        }
        for (Aggregate a : interval.series()) {
            if (a.count() == 0 || thresholds.stream().noneMatch(t -> t.selector().metric().equals(a.metric().name()))) continue;
            totals.computeIfAbsent(new SeriesKey(a.metric().name(), a.tags()), k -> new Running()).add(a);
        }
        if (interval.endMillis() < nextMillis) return;
        nextMillis = interval.endMillis() + ThresholdMonitor.PERIOD_MILLIS;
        double seconds = (interval.endMillis() - startMillis) / 1000.0;
        for (Verdict v : ThresholdEvaluator.evaluateAll(thresholds, totals.values().stream().map(r -> r.total).toList(), seconds)) {
            if (!v.passed() && !v.noData()) first.putIfAbsent(v.threshold().label(), seconds);
        }
    }

    Map<String, Double> firstFailures() {
        return Map.copyOf(first);
    }
}
