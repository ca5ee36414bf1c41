package dev.salvo.engine.ws;

/** An open (or opening) WebSocket; every method is called on the VU's event loop. */
public interface WsSocket {
    /** Sends a text message; on a socket that is not open, counts {@link WsErrorCodes#SEND_AFTER_CLOSE}. */
    void send(String text);

    void sendBinary(byte[] data);

    /** Sends a ping; its pong's round trip is recorded as {@code ws_ping}. */
    void ping();

    /** Starts the closing handshake (or drops a connection still opening). */
    void close(int code, String reason);

    /** A script handler failed: counts it and closes the socket with 1011. */
    void fail();

    boolean open();
}
