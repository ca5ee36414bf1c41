package dev.salvo.engine.sse;

import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.TlsConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code sse.open}: the request (method, URL, headers, body: a POST opens an LLM's stream), how long
 * the response headers may take ({@code timeout}) and how long the stream may stay silent
 * ({@code idleTimeout}, null: for ever), the largest event accepted, the tags of its metrics, the TLS
 * settings, and reconnection: {@code reconnect} on, at most {@code maxReconnects} times, after
 * {@code retryMs} unless the server's {@code retry:} says otherwise, resuming from {@code lastEventId}.
 */
public record SseParams(String method, URI url, List<Header> headers, byte[] body, Duration timeout, Duration idleTimeout,
                        int maxEventSize, Map<String, String> tags, TlsConfig tls, boolean reconnect, int maxReconnects,
                        long retryMs, String lastEventId) {
    public static final int DEFAULT_MAX_EVENT_SIZE = 1 << 20;
    /** The spec leaves the first reconnection time to the client; browsers wait about 3 s. */
    public static final long DEFAULT_RETRY_MS = 3000;

    public SseParams {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the URL must start with http:// or https://");
        }
        if (url.getHost() == null) throw new IllegalArgumentException("the URL has no host");
        if (maxEventSize <= 0) throw new IllegalArgumentException("maxEventSize must be > 0");
        if (maxReconnects < 0) throw new IllegalArgumentException("maxReconnects must be >= 0");
        if (retryMs < 0) throw new IllegalArgumentException("retry must be >= 0 ms");
        headers = headers == null ? List.of() : List.copyOf(headers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        tls = tls == null ? TlsConfig.DEFAULT : tls;
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? HttpRequest.DEFAULT_TIMEOUT : timeout;
        idleTimeout = idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero() ? null : idleTimeout;
        lastEventId = lastEventId == null ? "" : lastEventId;
    }

    /** A GET of {@code url} with the defaults and no reconnection. */
    public static SseParams of(String url) {
        return new SseParams("GET", URI.create(url), List.of(), null, null, null, DEFAULT_MAX_EVENT_SIZE, Map.of(), null,
                false, 0, DEFAULT_RETRY_MS, null);
    }

    /** These params with a body sent by {@code method} (a POST-initiated stream). */
    public SseParams withBody(String method, byte[] body, List<Header> headers) {
        return new SseParams(method, url, headers, body, timeout, idleTimeout, maxEventSize, tags, tls, reconnect,
                maxReconnects, retryMs, lastEventId);
    }

    /** These params with reconnection on, at most {@code max} times, {@code retryMs} apart. */
    public SseParams withReconnect(int max, long retryMs) {
        return new SseParams(method, url, headers, body, timeout, idleTimeout, maxEventSize, tags, tls, true, max, retryMs,
                lastEventId);
    }

    public SseParams withMaxEventSize(int bytes) {
        return new SseParams(method, url, headers, body, timeout, idleTimeout, bytes, tags, tls, reconnect, maxReconnects,
                retryMs, lastEventId);
    }

    public SseParams withTimeouts(Duration timeout, Duration idleTimeout) {
        return new SseParams(method, url, headers, body, timeout, idleTimeout, maxEventSize, tags, tls, reconnect,
                maxReconnects, retryMs, lastEventId);
    }

    public boolean secure() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : secure() ? 443 : 80;
    }

    /** The request target: path and query. */
    public String pathAndQuery() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** The Host header: the port only when it is not the scheme's default. */
    public String hostHeader() {
        String host = url.getHost();
        return url.getPort() > 0 && url.getPort() != (secure() ? 443 : 80) ? host + ":" + url.getPort() : host;
    }
}
