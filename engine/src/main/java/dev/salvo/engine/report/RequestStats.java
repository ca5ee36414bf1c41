package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Series;
import org.HdrHistogram.Histogram;

/**
 * Latency and failures of one request name over a span of time, summed from interval
 * histograms; memory is one histogram, whatever the span.
 */
final class RequestStats {
    final Histogram histogram = new Histogram(3);
    long failures;
    double sum;
    /** The exact extremes the intervals carry (the histogram's are bucket edges). */
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(Aggregate duration) {
        if (duration.histogram() != null) histogram.add(duration.histogram());
        sum += duration.sum();
        if (duration.count() > 0) {
            min = Math.min(min, duration.min());
            max = Math.max(max, duration.max());
        }
    }

    long count() {
        return histogram.getTotalCount();
    }

    double avg() {
        return count() == 0 ? 0 : sum / count();
    }

    double min() {
        return count() == 0 ? 0 : min;
    }

    double max() {
        return count() == 0 ? 0 : max;
    }

    double percentile(double p) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(p) / Series.SCALE;
    }

    void reset() {
        histogram.reset();
        failures = 0;
        sum = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }
}
