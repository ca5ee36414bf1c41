package dev.salvo.engine.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one exchange. A network failure is a response too ({@link #failed}): status 0, {@code error} a
 * short message and {@code errorCode} one of k6's codes (see {@link HttpErrorCodes}). {@code proto} is
 * {@code HTTP/1.1} or {@code HTTP/2.0}; {@code wire} is what the exchange moved on its connection.
 */
public record HttpResponse(int status, String proto, String url, Map<String, List<String>> headers, byte[] body,
        Timings timings, String error, int errorCode, Wire wire) {

    /** Bytes written and read for the exchange (TLS included), and k6's {@code tls1.3} form of its TLS version, empty without TLS. */
    public record Wire(long bytesSent, long bytesReceived, String tlsVersion) {
        /** Nothing sent nor received, no TLS: a request refused before it reached a connection. */
        public static final Wire NONE = new Wire(0, 0, "");
    }

    /** A response the server sent. */
    public static HttpResponse received(int status, String proto, String url, Map<String, List<String>> headers, byte[] body,
            Timings timings, Wire wire) {
        return new HttpResponse(status, proto, url, headers, body, timings, null, 0, wire);
    }

    /** An exchange that failed with {@code errorCode} before a complete response came. */
    public static HttpResponse failed(String url, Timings timings, int errorCode, String error, Wire wire) {
        return new HttpResponse(0, "", url, Map.of(), new byte[0], timings, error, errorCode, wire);
    }

    public long bytesSent() {
        return wire.bytesSent();
    }

    public long bytesReceived() {
        return wire.bytesReceived();
    }

    /** k6's {@code tls1.3} form, empty without TLS. */
    public String tlsVersion() {
        return wire.tlsVersion();
    }

    /** The first value of a header (names are lower-case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
