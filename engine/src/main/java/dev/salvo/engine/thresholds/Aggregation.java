package dev.salvo.engine.thresholds;
import java.util.Locale;


/**
 * What a threshold reads from a metric: k6's {@code avg min max med p(N) count rate value}, plus
 * {@code growth} and {@code slope} for gauges (over the gauge's history).
 */
public enum Aggregation {
    AVG, MIN, MAX, MED, PERCENTILE, COUNT, RATE, VALUE, GROWTH, SLOPE;

    /** The word as written in an expression; {@code p} for percentiles, whose label is {@code p(N)}. */
    public String word() {
        return this == PERCENTILE ? "p" : name().toLowerCase(Locale.ROOT);
    }
}
