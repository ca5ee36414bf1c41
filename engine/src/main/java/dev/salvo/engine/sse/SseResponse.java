package dev.salvo.engine.sse;

import java.util.List;
import java.util.Map;

/**
 * A stream as it ended: the last connection's status (0 when none answered) and headers, the first error
 * that ended it ({@code error} null, {@code errorCode} 0 when it ended cleanly), the events dispatched,
 * the reconnections made, the last event ID, and the body of a response that was not an event stream (at
 * most 64 KiB, for the server's error message). Times are ms from the start of the stream.
 */
public record SseResponse(String url, int status, Map<String, List<String>> headers, String error, int errorCode,
                          long events, int reconnects, String lastEventId, String body, double connectingMs,
                          double durationMs) {
    public static final int MAX_ERROR_BODY = 64 * 1024;

    public SseResponse {
        headers = headers == null ? Map.of() : headers;
        body = body == null ? "" : body;
        lastEventId = lastEventId == null ? "" : lastEventId;
    }
}
