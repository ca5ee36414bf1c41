package dev.salvo.engine.report;

import java.util.Map;

/**
 * What salvo's request and WebSocket error codes mean, for people reading reports: k6's numbers where k6
 * has one (1000-1699), salvo's own in 1060-1079 (HTTP), 1700-1799 (WebSocket) and 1800-1899 (Server-Sent
 * Events, llm.chat). docs/http.md, docs/websocket.md and docs/streaming.md list the same codes.
 */
public final class ErrorCodes {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("1000", "error"), Map.entry("1020", "invalid URL"), Map.entry("1050", "request timeout"),
            Map.entry("1060", "malformed response (not HTTP: bad status line or header)"),
            Map.entry("1061", "response headers too large"), Map.entry("1062", "response body over maxResponseBodySize"),
            Map.entry("1063", "cannot decode the response body (Content-Encoding)"), Map.entry("1064", "invalid request"),
            Map.entry("1070", "request cut short: the run stopped"),
            Map.entry("1100", "DNS lookup failed"), Map.entry("1210", "dial error"), Map.entry("1211", "dial timeout"),
            Map.entry("1212", "connection refused"), Map.entry("1220", "connection reset by peer"),
            Map.entry("1230", "connection closed by server"),
            Map.entry("1300", "TLS error"), Map.entry("1310", "TLS: certificate signed by unknown authority"),
            Map.entry("1311", "TLS: certificate not valid for the host name"),
            Map.entry("1630", "HTTP/2 stream reset by server"),
            Map.entry("1700", "websocket upgrade refused"), Map.entry("1701", "websocket handshake timeout"),
            Map.entry("1702", "websocket message too big (closed 1009)"),
            Map.entry("1703", "websocket closed abnormally (1006)"), Map.entry("1704", "websocket handler threw"),
            Map.entry("1705", "websocket send after close"), Map.entry("1706", "websocket open at the end of the run"),
            Map.entry("1707", "websocket protocol error"),
            Map.entry("1800", "stream: response is not text/event-stream"), Map.entry("1801", "stream cut in the middle of an event"),
            Map.entry("1802", "stream: event over maxEventSize"), Map.entry("1803", "stream: status other than 200"),
            Map.entry("1804", "stream: no response within timeout"), Map.entry("1805", "stream idle past idleTimeout"),
            Map.entry("1806", "stream handler threw"), Map.entry("1807", "stream open at the end of the run"),
            Map.entry("1808", "stream error"), Map.entry("1810", "llm: event that is no JSON chunk, or a server error"),
            Map.entry("1811", "llm: stream ended without [DONE]"));

    private ErrorCodes() {}

    public static String describe(String code) {
        return TEXT.getOrDefault(code, "error");
    }
}
