package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Tags;

/** A request method and name, the unit of Locust's per-request rows; WebSockets have the method {@code WS}. */
record RequestKey(String method, String name) {
    static final String WS = "WS";

    static RequestKey of(Aggregate a) {
        Tags t = a.tags();
        String method = a.metric().name().startsWith("ws_") ? WS : t.get("method");
        return new RequestKey(nonNull(method), nonNull(t.get("name")));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
