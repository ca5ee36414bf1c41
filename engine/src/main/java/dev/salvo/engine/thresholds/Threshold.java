package dev.salvo.engine.thresholds;

import java.time.Duration;

/** One threshold of {@code options.thresholds}: which series, what condition, and k6's long-form options. */
public record Threshold(MetricSelector selector, Condition condition, boolean abortOnFail, Duration delayAbortEval,
                        boolean allowEmpty) {

    /** {@code http_req_duration{name:x} p(95)<500}, as written. */
    public String label() {
        return selector.text() + " " + condition.text().strip();
    }
}
