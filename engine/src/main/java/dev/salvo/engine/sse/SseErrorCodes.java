package dev.salvo.engine.sse;

/**
 * The {@code error_code} tag of {@code sse_errors} (and of {@code llm.chat}'s results). Failures to
 * connect keep the HTTP client's codes (1212 connection refused, 1100 DNS, 1300-1311 TLS...); the ones
 * below are the streams' own, in 1800-1899, a range neither k6 (1000-1699) nor salvo/ws (1700-1799) uses.
 */
public final class SseErrorCodes {
    /** The response is not {@code text/event-stream} (its Content-Type is another one, or missing). */
    public static final int NOT_EVENT_STREAM = 1800;
    /** The connection ended in the middle of an event (its last lines had no closing empty line). */
    public static final int CUT_MID_EVENT = 1801;
    /** An event (or one line) larger than {@code maxEventSize}: the stream was closed. */
    public static final int EVENT_TOO_BIG = 1802;
    /** The server answered with a status other than 200 (204 is not an error: it asks not to reconnect). */
    public static final int BAD_STATUS = 1803;
    /** No response headers within {@code timeout}. */
    public static final int RESPONSE_TIMEOUT = 1804;
    /** No byte of the stream within {@code idleTimeout}: the stream was closed. */
    public static final int IDLE_TIMEOUT = 1805;
    /** A script handler threw: the stream was closed. */
    public static final int HANDLER_ERROR = 1806;
    /** Still open when the run ended: closed by salvo. */
    public static final int OPEN_AT_END = 1807;
    /** Another failure on an open stream: a malformed chunk, a reset, a TLS alert. */
    public static final int STREAM_ERROR = 1808;
    /** llm.chat: an event whose data is not an OpenAI-style chunk (not JSON, or an {@code error} object). */
    public static final int LLM_BAD_CHUNK = 1810;
    /** llm.chat: the stream ended without {@code data: [DONE]} nor a {@code finish_reason}. */
    public static final int LLM_NO_DONE = 1811;

    private SseErrorCodes() {}
}
