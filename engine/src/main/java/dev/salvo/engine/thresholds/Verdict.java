package dev.salvo.engine.thresholds;
import dev.salvo.engine.config.Durations;


/**
 * The outcome of one threshold at one moment; {@code observed} is NaN when there was no data
 * ({@code growth} and {@code slope} need two values of the gauge).
 */
public record Verdict(Threshold threshold, double observed, boolean passed, boolean noData) {

    /** {@code http_req_duration p(95)<200: observed p(95)=312.45 (failed)}. */
    public String describe() {
        String head = threshold.label() + ": ";
        Condition c = threshold.condition();
        if (noData) {
            return head + "no data (" + (passed ? "passed: allowEmpty is true" : "failed; allowEmpty: true passes it") + ")";
        }
        String unit = switch (c.aggregation()) {
            case GROWTH -> "%";
            case SLOPE -> " per minute";
            default -> "";
        };
        String against = threshold.baseline().isZero() ? "" : " against the first " + Durations.format(threshold.baseline());
        return head + "observed " + c.aggregationLabel() + "=" + Numbers.format(observed) + unit + against
                + (passed ? " (passed)" : " (failed)");
    }
}
