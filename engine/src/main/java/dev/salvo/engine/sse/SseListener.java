package dev.salvo.engine.sse;

/**
 * What happens to one stream, called on the VU's event loop. {@link #onEnd} comes last, exactly once,
 * also when no connection could be made; {@link #onOpen} comes for every connection that opened
 * (again after each reconnection).
 */
public interface SseListener {
    /** A connection's response is a {@code text/event-stream} with status 200: events follow. */
    default void onOpen(SseResponse response) {}

    default void onEvent(SseEvent event) {}

    /** A failure, also counted in {@code sse_errors} with {@code code} as its {@code error_code}. */
    default void onError(int code, String message) {}

    /** The stream ended for good: closed by the script, by the server (without reconnection), or by an error. */
    void onEnd(SseResponse last);
}
