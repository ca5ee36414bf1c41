package dev.salvo.engine.report;

import java.util.Map;

/** What salvo's (k6's) request and WebSocket error codes mean, for people reading reports. */
public final class ErrorCodes {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("1000", "error"), Map.entry("1020", "invalid URL"), Map.entry("1050", "request timeout"),
            Map.entry("1100", "DNS lookup failed"), Map.entry("1210", "dial error"), Map.entry("1211", "dial timeout"),
            Map.entry("1212", "connection refused"), Map.entry("1220", "connection reset by peer"),
            Map.entry("1230", "connection closed by server"),
            Map.entry("1300", "websocket upgrade refused"), Map.entry("1301", "websocket handshake timeout"),
            Map.entry("1302", "websocket message too big (closed 1009)"),
            Map.entry("1303", "websocket closed abnormally (1006)"), Map.entry("1304", "websocket handler threw"),
            Map.entry("1305", "websocket send after close"), Map.entry("1306", "websocket open at the end of the run"),
            Map.entry("1307", "websocket protocol error"));

    private ErrorCodes() {}

    public static String describe(String code) {
        return TEXT.getOrDefault(code, "error");
    }
}
