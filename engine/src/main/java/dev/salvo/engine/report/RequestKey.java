package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Tags;

/** A request method and name, the unit of Locust's per-request rows. */
record RequestKey(String method, String name) {
    static RequestKey of(Tags t) {
        return new RequestKey(nonNull(t.get("method")), nonNull(t.get("name")));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
