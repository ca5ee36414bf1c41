package dev.salvo.engine.report;

import java.util.Map;

/** What salvo's (k6's) request error codes mean, for people reading reports. */
public final class ErrorCodes {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("1000", "error"), Map.entry("1020", "invalid URL"), Map.entry("1050", "request timeout"),
            Map.entry("1100", "DNS lookup failed"), Map.entry("1210", "dial error"), Map.entry("1211", "dial timeout"),
            Map.entry("1212", "connection refused"), Map.entry("1220", "connection reset by peer"),
            Map.entry("1230", "connection closed by server"));

    private ErrorCodes() {}

    public static String describe(String code) {
        return TEXT.getOrDefault(code, "error");
    }
}
