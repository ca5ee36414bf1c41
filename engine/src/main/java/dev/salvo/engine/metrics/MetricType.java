package dev.salvo.engine.metrics;
import java.util.Locale;


/** The four kinds of metric, with k6's meaning. */
public enum MetricType {
    /** A sum that only grows: requests, bytes. */
    COUNTER,
    /** The last value set, with its min and max: VUs, memory. */
    GAUGE,
    /** The share of non-zero samples: failed requests, passed checks. */
    RATE,
    /** A distribution of values, kept in an HdrHistogram: durations. */
    TREND;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
