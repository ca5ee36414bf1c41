package dev.salvo.engine.thresholds;

import java.time.Duration;

/**
 * One threshold of {@code options.thresholds}: which series, what condition, k6's long-form options,
 * and {@code baseline}, the start of the run whose average is {@code growth}'s reference (zero: the first value).
 */
public record Threshold(MetricSelector selector, Condition condition, boolean abortOnFail, Duration delayAbortEval,
                        boolean allowEmpty, Duration baseline) {

    public Threshold(MetricSelector selector, Condition condition, boolean abortOnFail, Duration delayAbortEval, boolean allowEmpty) {
        this(selector, condition, abortOnFail, delayAbortEval, allowEmpty, Duration.ZERO);
    }

    /** {@code http_req_duration{name:x} p(95)<500}, as written. */
    public String label() {
        return selector.text() + " " + condition.text().strip();
    }
}
