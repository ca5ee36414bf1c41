package dev.salvo.engine.thresholds;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.MetricType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a threshold against the merged aggregate of the series its selector matches. {@code growth}
 * and {@code slope} read the gauge's history and have no data before it holds two values.
 */
public final class ThresholdEvaluator {
    private ThresholdEvaluator() {}

    /**
     * @param aggregate the merge of every series the selector matches; null or empty means no data,
     *                  which fails unless {@code allowEmpty}
     * @param seconds   the run time so far, the divisor of a counter's {@code rate}
     * @throws IllegalArgumentException when the aggregation does not apply to the metric's type, which
     *                                  {@link ThresholdsParser#checkType} rejects when the script loads
     */
    public static Verdict evaluate(Threshold t, Aggregate aggregate, double seconds) {
        Condition c = t.condition();
        if (aggregate == null || aggregate.count() == 0) return new Verdict(t, Double.NaN, t.allowEmpty(), true);
        String wrongType = ThresholdsParser.checkType(t, aggregate.metric().type());
        if (wrongType != null) throw new IllegalArgumentException(wrongType);
        double observed = observe(t, aggregate, seconds);
        // A counter's rate before any time has passed has no meaning yet.
        if (Double.isNaN(observed)) return new Verdict(t, Double.NaN, t.allowEmpty(), true);
        return new Verdict(t, observed, c.operator().test(observed, c.limit()), false);
    }

    /** Each threshold over the merge of the series its selector matches. */
    public static List<Verdict> evaluateAll(List<Threshold> thresholds, List<Aggregate> aggregates, double seconds) {
        List<Verdict> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            Aggregate merged = null;
            for (Aggregate a : aggregates) {
                if (!a.metric().name().equals(t.selector().metric()) || !t.selector().matches(a.tags())) continue;
                merged = merged == null ? a : merged.merge(a);
            }
            out.add(evaluate(t, merged, seconds));
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
            Map<String, Set<String>> seen = new TreeMap<>();
            for (Aggregate a : aggregates) {
                if (!a.metric().name().equals(t.selector().metric()) || a.count() == 0) continue;
                metricSeen = true;
                matched |= t.selector().matches(a.tags());
                for (String tag : t.selector().tags().keySet()) {
                    String v = a.tags().get(tag);
                    if (v != null && seen.computeIfAbsent(tag, k -> new TreeSet<>()).size() < 10) seen.get(tag).add(v);
                }
            }
            if (metricSeen && !matched) {
                out.add("threshold on '" + t.selector().text() + "' matched no sample; values seen: " + (seen.isEmpty() ? "none of these tags" : seen));
            }
        }
        return out;
    }

    private static double observe(Threshold t, Aggregate a, double seconds) {
        Condition c = t.condition();
        boolean counter = a.metric().type() == MetricType.COUNTER;
        return switch (c.aggregation()) {
            case AVG -> a.avg();
            case MIN -> a.min();
            case MAX -> a.max();
            case MED -> a.med();
            case PERCENTILE -> a.percentile(c.percentile());
            case COUNT -> a.sum();
            case RATE -> counter ? (seconds > 0 ? a.sum() / seconds * (c.per() == null ? 1 : c.perSeconds()) : Double.NaN) : a.rate();
            case VALUE -> a.last();
            case GROWTH -> a.history().growth(t.baseline().toMillis());
            case SLOPE -> a.history().slopePerMinute();
        };
    }
}
