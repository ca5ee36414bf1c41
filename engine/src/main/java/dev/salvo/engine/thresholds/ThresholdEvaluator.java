package dev.salvo.engine.thresholds;

import dev.salvo.engine.metrics.Aggregate;

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

    private static double observe(Threshold t, Aggregate a, double seconds) {
        Condition c = t.condition();
        boolean counter = a.metric().type() == dev.salvo.engine.metrics.MetricType.COUNTER;
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
