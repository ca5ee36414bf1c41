package dev.salvo.engine.ws;

/**
 * What happens to one socket, called on the VU's event loop. {@link #onHandshake} comes first and
 * {@link #onClose} last, exactly once each, also when the handshake failed.
 */
public interface WsListener {
    void onHandshake(WsHandshake handshake);

    default void onText(String text) {}

    default void onBinary(byte[] data) {}

    default void onPing() {}

    default void onPong() {}

    /** A failure on the socket, also counted in {@code ws_errors} with {@code code} as its {@code error_code}. */
    default void onError(int code, String message) {}

    /** The socket is closed: the close code received or sent (1006 when the connection just dropped). */
    void onClose(int code, String reason);
}
