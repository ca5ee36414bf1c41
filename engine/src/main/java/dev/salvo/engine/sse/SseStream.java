package dev.salvo.engine.sse;

/** An open (or opening) stream; every method is called on the VU's event loop. */
public interface SseStream {
    /** Ends the stream for good (no reconnection): the listener's {@code onEnd} follows. */
    void close();

    /** A script handler failed: counted as {@link SseErrorCodes#HANDLER_ERROR}, and the stream closes. */
    void fail();

    /** The stream's last event ID so far. */
    String lastEventId();
}
