package dev.salvo.engine.thresholds;

/**
 * One parsed threshold expression such as {@code p(95)<500}; {@code percentile} is set for
 * {@code p(N)} only (NaN otherwise) and {@code text} is the expression as written.
 */
public record Condition(Aggregation aggregation, double percentile, Operator operator, double limit, String text) {

    /** {@code avg}, {@code p(95)}, {@code p(99.9)}, {@code rate}, ... */
    public String aggregationLabel() {
        if (aggregation != Aggregation.PERCENTILE) return aggregation.word();
        return "p(" + Numbers.format(percentile) + ")";
    }
}
