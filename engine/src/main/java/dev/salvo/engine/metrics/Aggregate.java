package dev.salvo.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * The totals of one series (or of several merged). For trends {@code histogram} holds every
 * value x {@link Series#SCALE}; for rates {@code passes} of {@code count} were non-zero; for
 * gauges {@code history} holds the values over time (empty for other types).
 */
public record Aggregate(Metric metric, Tags tags, long count, double sum, double min, double max,
                        double last, long passes, Histogram histogram, GaugeHistory history) {

    /** A counter's: {@code count} samples adding up to {@code sum} (its last value, as k6 shows a counter). */
    public static Aggregate counter(Metric metric, Tags tags, long count, double sum) {
        return new Aggregate(metric, tags, count, sum, 0, 0, sum, 0, null, GaugeHistory.EMPTY);
    }

    /** A rate's: {@code passes} of {@code count} samples were non-zero. */
    public static Aggregate rate(Metric metric, Tags tags, long count, long passes) {
        return new Aggregate(metric, tags, count, passes, 0, 1, 0, passes, null, GaugeHistory.EMPTY);
    }

    /** A gauge's: its last {@code value} (also its sum, which merging shards adds up), bounds and history. */
    public static Aggregate gauge(Metric metric, Tags tags, long count, double value, double min, double max,
                                  GaugeHistory history) {
        return new Aggregate(metric, tags, count, value, min, max, value, 0, null, history);
    }

    /** A trend's: {@code count} values adding up to {@code sum}, their bounds and histogram. */
    public static Aggregate trend(Metric metric, Tags tags, long count, double sum, double min, double max,
                                  Histogram histogram) {
        return new Aggregate(metric, tags, count, sum, min, max, 0, 0, histogram, GaugeHistory.EMPTY);
    }

    /** A gauge's first value kept in its history; NaN when there is none. */
    public double first() {
        return history.first();
    }

    public double avg() {
        return count == 0 ? 0 : sum / count;
    }

    /** The value at percentile {@code p} (0-100) of a trend, in the metric's unit. */
    public double percentile(double p) {
        if (histogram == null || histogram.getTotalCount() == 0) return 0;
        // A bucket's edge can lie outside the exact min and max; a percentile never does.
        return Math.max(min, Math.min(max, histogram.getValueAtPercentile(p) / Series.SCALE));
    }

    public double med() {
        return percentile(50);
    }

    /** Passes divided by count for rates. */
    public double rate() {
        return count == 0 ? 0 : (double) passes / count;
    }

    /** Adds another aggregate of the same metric; the tags of this one are kept. */
    public Aggregate merge(Aggregate o) {
        if (o.count == 0) return this;
        if (count == 0) return new Aggregate(metric, tags, o.count, o.sum, o.min, o.max, o.last, o.passes, copy(o.histogram), o.history);
        Histogram h = null;
        if (histogram != null) {
            h = histogram.copy();
            if (o.histogram != null) h.add(o.histogram);
        }
        return new Aggregate(metric, tags, count + o.count, sum + o.sum, Math.min(min, o.min),
                Math.max(max, o.max), o.last, passes + o.passes, h, history.merge(o.history));
    }

    private static Histogram copy(Histogram h) {
        return h == null ? null : h.copy();
    }

    public static Aggregate empty(Metric metric, Tags tags) {
        return metric.type() == MetricType.TREND ? trend(metric, tags, 0, 0, 0, 0, new Histogram(3)) : counter(metric, tags, 0, 0);
    }
}
