package dev.salvo.engine.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by every request of a session: TLS, HTTP/2 and connection handling; {@code noCookiesReset}
 * keeps the cookie jar across iterations; {@code batch} and {@code batchPerHost} bound the requests of one
 * {@code batch} in flight at once, in all and per host.
 */
public record HttpConfig(String userAgent, boolean discardResponseBodies, Duration connectTimeout, TlsConfig tls,
        Http2Mode http2, Connections connections, boolean noCookiesReset, int batch, int batchPerHost) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_BATCH = 20;
    public static final int DEFAULT_BATCH_PER_HOST = 6;

    /** A null or non-positive connect timeout becomes 10 s, non-positive batch limits k6's defaults (20, 6), null TLS, HTTP/2 and connection settings their defaults. */
    public HttpConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        }
        tls = tls == null ? TlsConfig.DEFAULT : tls;
        http2 = http2 == null ? Http2Mode.AUTO : http2;
        connections = connections == null ? Connections.DEFAULT : connections;
        batch = batch > 0 ? batch : DEFAULT_BATCH;
        batchPerHost = batchPerHost > 0 ? batchPerHost : DEFAULT_BATCH_PER_HOST;
    }

    /** Default TLS, HTTP/2 and connection settings; cookies reset every iteration; k6's batch limits. */
    public HttpConfig(String userAgent, boolean discardResponseBodies, Duration connectTimeout) {
        this(userAgent, discardResponseBodies, connectTimeout, null, null, null, false, 0, 0);
    }

    /** Keep bodies, 10 s connect timeout. */
    public static HttpConfig defaults(String userAgent) {
        return new HttpConfig(userAgent, false, DEFAULT_CONNECT_TIMEOUT);
    }
}
