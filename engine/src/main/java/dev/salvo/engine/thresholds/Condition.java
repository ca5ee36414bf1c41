package dev.salvo.engine.thresholds;

/**
 * One parsed threshold expression such as {@code p(95)<500}; {@code percentile} is set for
 * {@code p(N)} only (NaN otherwise), {@code per} for {@code rate(1h)} only (null otherwise), and
 * {@code text} is the expression as written. {@code limit} is in the metric's unit: a written unit
 * ({@code 5MB}) is already applied.
 */
public record Condition(Aggregation aggregation, double percentile, Operator operator, double limit, String text,
                        String per, double perSeconds) {

    public Condition(Aggregation aggregation, double percentile, Operator operator, double limit, String text) {
        this(aggregation, percentile, operator, limit, text, null, Double.NaN);
    }

    /** {@code avg}, {@code p(95)}, {@code p(99.9)}, {@code rate}, {@code rate(1h)}, ... */
    public String aggregationLabel() {
        if (per != null) return "rate(" + per + ")";
        if (aggregation != Aggregation.PERCENTILE) return aggregation.word();
        return "p(" + Numbers.format(percentile) + ")";
    }
}
