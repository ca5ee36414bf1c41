package dev.salvo.engine.http;

import java.time.Duration;
import java.util.Objects;

/** Settings shared by every request of a session. */
public record HttpConfig(String userAgent, boolean discardResponseBodies, Duration connectTimeout, TlsConfig tls,
        Http2Mode http2, Connections connections) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public HttpConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        }
        tls = tls == null ? TlsConfig.DEFAULT : tls;
        http2 = http2 == null ? Http2Mode.AUTO : http2;
        connections = connections == null ? Connections.DEFAULT : connections;
    }

    /** Default TLS, HTTP/2 and connection settings. */
    public HttpConfig(String userAgent, boolean discardResponseBodies, Duration connectTimeout) {
        this(userAgent, discardResponseBodies, connectTimeout, null, null, null);
    }

    /** Keep bodies, 10 s connect timeout. */
    public static HttpConfig defaults(String userAgent) {
        return new HttpConfig(userAgent, false, DEFAULT_CONNECT_TIMEOUT);
    }
}
