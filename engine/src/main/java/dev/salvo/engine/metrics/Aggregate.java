package dev.salvo.engine.metrics;

import org.HdrHistogram.Histogram;

/**
 * The totals of one series (or of several merged). For trends {@code histogram} holds every
 * value x {@link Series#SCALE}; for rates {@code passes} of {@code count} were non-zero; for
 * gauges {@code history} holds the values over time (empty for other types).
 */
public record Aggregate(Metric metric, Tags tags, long count, double sum, double min, double max,
                        double last, long passes, Histogram histogram, GaugeHistory history) {

    public Aggregate(Metric metric, Tags tags, long count, double sum, double min, double max, double last, long passes,
                     Histogram histogram) {
        this(metric, tags, count, sum, min, max, last, passes, histogram, GaugeHistory.EMPTY);
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
        return new Aggregate(metric, tags, 0, 0, 0, 0, 0, 0, metric.type() == MetricType.TREND ? new Histogram(3) : null);
    }
}
