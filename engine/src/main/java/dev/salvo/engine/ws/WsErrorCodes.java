package dev.salvo.engine.ws;

/**
 * The {@code error_code} tag of {@code ws_errors}. Failures to connect keep the HTTP client's
 * codes (1212 connection refused, 1100 DNS...); the ones below are the WebSocket's own.
 */
public final class WsErrorCodes {
    /** The server answered the upgrade with a status other than 101. */
    public static final int HANDSHAKE_REFUSED = 1300;
    /** No complete handshake within {@code timeout}. */
    public static final int HANDSHAKE_TIMEOUT = 1301;
    /** A message larger than {@code maxMessageSize}: the socket was closed with 1009. */
    public static final int MESSAGE_TOO_BIG = 1302;
    /** The connection ended without a close frame (close code 1006), e.g. mid-message, or before the handshake ended. */
    public static final int CLOSED_ABNORMALLY = 1303;
    /** A script handler threw: the socket was closed with 1011. */
    public static final int HANDLER_ERROR = 1304;
    /** {@code send}, {@code sendBinary} or {@code ping} on a socket that is not open. */
    public static final int SEND_AFTER_CLOSE = 1305;
    /** Still open when the run ended: closed by salvo with 1001. */
    public static final int OPEN_AT_END = 1306;
    /** A frame that breaks RFC 6455 (closed with 1002) or another I/O failure. */
    public static final int PROTOCOL_ERROR = 1307;

    private WsErrorCodes() {}
}
