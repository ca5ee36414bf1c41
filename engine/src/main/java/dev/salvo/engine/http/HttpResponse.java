package dev.salvo.engine.http;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one exchange. A network failure is a response too: status 0, {@code error} a short
 * message and {@code errorCode} one of k6's codes (see {@link HttpErrorCodes}). {@code proto} is
 * {@code HTTP/1.1} or {@code HTTP/2.0}; {@code tlsVersion} is k6's {@code tls1.3} form, empty without TLS.
 */
public record HttpResponse(int status, String proto, String url, Map<String, List<String>> headers, byte[] body,
        Timings timings, String error, int errorCode, long bytesSent, long bytesReceived, String tlsVersion) {

    /** A response that did not use TLS. */
    public HttpResponse(int status, String proto, String url, Map<String, List<String>> headers, byte[] body,
            Timings timings, String error, int errorCode, long bytesSent, long bytesReceived) {
        this(status, proto, url, headers, body, timings, error, errorCode, bytesSent, bytesReceived, "");
    }

    /** The first value of a header (names are lower-case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
