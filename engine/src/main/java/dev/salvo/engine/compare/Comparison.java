package dev.salvo.engine.compare;

import java.util.List;

/**
 * A baseline run against a current run: the requests both have, and the ones only one of them has
 * (listed, never an error). {@link #failed()} is the CI gate.
 */
public record Comparison(String baseline, String current, CompareOptions options, List<RequestComparison> requests,
                         List<String> added, List<String> removed) {

    public List<RequestComparison> regressed() {
        return requests.stream().filter(RequestComparison::regressed).toList();
    }

    public boolean failed() {
        return !regressed().isEmpty();
    }

    public long improvementCount() {
        return requests.stream().mapToLong(r -> r.improvements().size()).sum();
    }

    /** One line for the console and the Markdown heading. */
    public String verdict() {
        List<RequestComparison> bad = regressed();
        String limit = Format.percent(options.maxRegression());
        if (bad.isEmpty()) return "no regression beyond " + limit + " in " + requests.size() + " requests";
        return "REGRESSION beyond " + limit + " in " + bad.size() + " of " + requests.size() + " requests: "
                + String.join(", ", bad.stream().map(RequestComparison::label).toList());
    }
}
