package dev.salvo.engine.compare;

import java.util.List;

/**
 * One request (method and name) present in both runs. {@code smallSample}: fewer than the
 * minimum number of requests in either run, so its regressions are shown but do not fail the gate.
 */
public record RequestComparison(String method, String name, long baselineCount, long currentCount,
                                List<MetricChange> changes, boolean smallSample) {

    public String label() {
        return method.isEmpty() ? name : method + " " + name;
    }

    public List<MetricChange> regressions() {
        return changes.stream().filter(c -> c.status() == MetricChange.Status.REGRESSION).toList();
    }

    public List<MetricChange> improvements() {
        return changes.stream().filter(c -> c.status() == MetricChange.Status.IMPROVEMENT).toList();
    }

    /** Regressions that count for the gate. */
    public boolean regressed() {
        return !smallSample && !regressions().isEmpty();
    }
}
