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

    void add(Aggregate duration) {
        if (duration.histogram() != null) histogram.add(duration.histogram());
        sum += duration.sum();
    }

    long count() {
        return histogram.getTotalCount();
    }

    double avg() {
        return count() == 0 ? 0 : sum / count();
    }

    double min() {
        return count() == 0 ? 0 : histogram.getMinValue() / Series.SCALE;
    }

    double max() {
        return count() == 0 ? 0 : histogram.getMaxValue() / Series.SCALE;
    }

    double percentile(double p) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(p) / Series.SCALE;
    }

    void reset() {
        histogram.reset();
        failures = 0;
        sum = 0;
    }
}
