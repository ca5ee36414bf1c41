package dev.salvo.engine.thresholds;

/**
 * The outcome of one threshold at one moment; {@code observed} is NaN when there was no data, and
 * {@code noData} is also set for {@code growth} and {@code slope}, which are not evaluated yet.
 */
public record Verdict(Threshold threshold, double observed, boolean passed, boolean noData) {

    /** {@code http_req_duration p(95)<200: observed p(95)=312.45 (failed)}. */
    public String describe() {
        String head = threshold.label() + ": ";
        Condition c = threshold.condition();
        if (ThresholdEvaluator.notEvaluatedYet(c.aggregation())) {
            return head + c.aggregationLabel() + " is not evaluated yet (passed)";
        }
        if (noData) {
            return head + "no data (" + (passed ? "passed: allowEmpty is true" : "failed; allowEmpty: true passes it") + ")";
        }
        return head + "observed " + c.aggregationLabel() + "=" + Numbers.format(observed)
                + (passed ? " (passed)" : " (failed)");
    }
}
