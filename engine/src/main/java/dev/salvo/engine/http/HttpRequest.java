package dev.salvo.engine.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a virtual user describes it. {@code tags} and {@code expected} (which statuses do not
 * fail it) are opaque to the client and handed back to the {@link HttpListener} untouched.
 */
public record HttpRequest(String method, URI url, List<Header> headers, byte[] body, Duration timeout,
        int maxRedirects, boolean discardBody, Map<String, String> tags, List<RequestCookie> cookies,
        ExpectedStatuses expected) {

    /** k6's default request timeout; WebSocket handshakes and the script API use the same. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_REDIRECTS = 10;

    /**
     * Null collections become empty, a null or non-positive timeout becomes 60 s, a negative maxRedirects 10,
     * a null {@code expected} {@link ExpectedStatuses#DEFAULT}.
     */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? List.of() : List.copyOf(headers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        cookies = cookies == null ? List.of() : List.copyOf(cookies);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (maxRedirects < 0) {
            maxRedirects = DEFAULT_MAX_REDIRECTS;
        }
        if (expected == null) {
            expected = ExpectedStatuses.DEFAULT;
        }
    }

    /** A request with k6's default expected statuses (200 to 399). */
    public HttpRequest(String method, URI url, List<Header> headers, byte[] body, Duration timeout, int maxRedirects,
            boolean discardBody, Map<String, String> tags, List<RequestCookie> cookies) {
        this(method, url, headers, body, timeout, maxRedirects, discardBody, tags, cookies, ExpectedStatuses.DEFAULT);
    }

    /** A request without cookies of its own. */
    public HttpRequest(String method, URI url, List<Header> headers, byte[] body, Duration timeout, int maxRedirects,
            boolean discardBody, Map<String, String> tags) {
        this(method, url, headers, body, timeout, maxRedirects, discardBody, tags, List.of());
    }

    /** A request without headers or body, with the default timeout and redirect limit. */
    public static HttpRequest of(String method, URI url) {
        return new HttpRequest(method, url, List.of(), null, DEFAULT_TIMEOUT, DEFAULT_MAX_REDIRECTS, false, Map.of());
    }

    /** This request with other expected statuses (null: the default). */
    public HttpRequest withExpected(ExpectedStatuses expected) {
        return new HttpRequest(method, url, headers, body, timeout, maxRedirects, discardBody, tags, cookies, expected);
    }

    /** The first value of a header, compared case-insensitively, or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
