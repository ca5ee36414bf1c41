package dev.salvo.engine.ws;

/**
 * The {@code error_code} tag of {@code ws_errors}. Failures to connect keep the HTTP client's
 * codes (1212 connection refused, 1100 DNS, 1300-1311 TLS...); the ones below are the WebSocket's own, in
 * 1700-1799, a range k6 (whose codes end at 1699) does not use.
 */
public final class WsErrorCodes {
    /** The server answered the upgrade with a status other than 101. */
    public static final int HANDSHAKE_REFUSED = 1700;
    /** No complete handshake within {@code timeout}. */
    public static final int HANDSHAKE_TIMEOUT = 1701;
    /** A message larger than {@code maxMessageSize}: the socket was closed with 1009. */
    public static final int MESSAGE_TOO_BIG = 1702;
    /** The connection ended without a close frame (close code 1006), e.g. mid-message, or before the handshake ended. */
    public static final int CLOSED_ABNORMALLY = 1703;
    /** A script handler threw: the socket was closed with 1011. */
    public static final int HANDLER_ERROR = 1704;
    /** {@code send}, {@code sendBinary} or {@code ping} on a socket that is not open. */
    public static final int SEND_AFTER_CLOSE = 1705;
    /** Still open when the run ended: closed by salvo with 1001. */
    public static final int OPEN_AT_END = 1706;
    /** A frame that breaks RFC 6455 (closed with 1002) or another I/O failure. */
    public static final int PROTOCOL_ERROR = 1707;

    private WsErrorCodes() {}
}
