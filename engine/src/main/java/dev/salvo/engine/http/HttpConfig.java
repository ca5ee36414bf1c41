package dev.salvo.engine.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by every request of a session: TLS, HTTP/2 and connection handling; {@code noCookiesReset}
 * keeps the cookie jar across iterations; {@code batch} and {@code batchPerHost} bound the requests of one
 * {@code batch} in flight at once, in all and per host; {@code maxResponseBodySize} caps a kept response body
 * (a discarded one is only counted, whatever its size).
 */
public record HttpConfig(String userAgent, boolean discardResponseBodies, Duration connectTimeout, TlsConfig tls,
        Http2Mode http2, Connections connections, boolean noCookiesReset, int batch, int batchPerHost,
        long maxResponseBodySize) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_BATCH = 20;
    public static final int DEFAULT_BATCH_PER_HOST = 6;
    /** 64 MiB: the largest body kept in memory unless {@code maxResponseBodySize} says otherwise. */
    public static final long DEFAULT_MAX_RESPONSE_BODY_SIZE = 64L << 20;

    /** A null or non-positive connect timeout becomes 10 s, non-positive batch limits k6's defaults (20, 6), a non-positive body cap 64 MiB, null TLS, HTTP/2 and connection settings their defaults. */
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
        maxResponseBodySize = maxResponseBodySize > 0 ? maxResponseBodySize : DEFAULT_MAX_RESPONSE_BODY_SIZE;
    }

    /** The default body cap. */
    public HttpConfig(String userAgent, boolean discardResponseBodies, Duration connectTimeout, TlsConfig tls,
            Http2Mode http2, Connections connections, boolean noCookiesReset, int batch, int batchPerHost) {
        this(userAgent, discardResponseBodies, connectTimeout, tls, http2, connections, noCookiesReset, batch, batchPerHost, 0);
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
