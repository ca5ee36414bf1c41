package dev.salvo.engine.ws;

import java.util.List;
import java.util.Map;

/**
 * How the opening handshake ended: status 101 when the socket opened; otherwise the server's
 * status (0 when none came) with {@code error} and {@code errorCode} set.
 */
public record WsHandshake(String url, int status, Map<String, List<String>> headers, String subprotocol,
                          String error, int errorCode) {

    public boolean opened() {
        return status == 101 && error == null;
    }

    public static WsHandshake failed(String url, int status, Map<String, List<String>> headers, int errorCode, String error) {
        return new WsHandshake(url, status, headers, null, error, errorCode);
    }
}
