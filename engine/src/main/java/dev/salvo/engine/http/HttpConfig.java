package dev.salvo.engine.http;

import java.time.Duration;
import java.util.Objects;

/** Settings shared by every request of a session. */
public record HttpConfig(String userAgent, boolean discardResponseBodies, Duration connectTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public HttpConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        }
    }

    /** Keep bodies, 10 s connect timeout. */
    public static HttpConfig defaults(String userAgent) {
        return new HttpConfig(userAgent, false, DEFAULT_CONNECT_TIMEOUT);
    }
}
