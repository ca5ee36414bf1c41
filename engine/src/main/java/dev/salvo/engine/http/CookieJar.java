package dev.salvo.engine.http;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The cookies of one virtual user, kept with RFC 6265's rules: domain and path matching, expiry by
 * Max-Age or Expires, Secure only over https (SameSite is ignored, as k6 does). Netty parses
 * Set-Cookie; the matching is ours. Touched only from the session's event loop.
 */
public final class CookieJar {
    /** A cookie as stored: {@code expiresAt} is epoch milliseconds, {@link Long#MAX_VALUE} for a session cookie. */
    public record Stored(String name, String value, String domain, boolean hostOnly, String path, long expiresAt,
            boolean secure, boolean httpOnly) {
    }

    /** RFC 6265 6.1 asks for at least 3000; past that the oldest go, so a VU's jar never grows without bound. */
    static final int MAX_COOKIES = 3000;
    private final List<Stored> cookies = new ArrayList<>();
    private final LongSupplier clock;

    public CookieJar() {
        this(System::currentTimeMillis);
    }

    /** A jar reading the time from {@code clock} (epoch milliseconds), for tests of expiry. */
    public CookieJar(LongSupplier clock) {
        this.clock = clock;
    }

    /** Stores the cookies of a response's Set-Cookie headers; a malformed or foreign one is ignored. */
    public void store(URI url, List<String> setCookieHeaders) {
        if (setCookieHeaders == null || url.getHost() == null) {
            return;
        }
        for (String header : setCookieHeaders) {
            Cookie c = decode(header);
            if (c != null) {
                set(url, c.name(), c.value(), c.domain(), c.path(), expiry(c.maxAge()), c.isSecure(), c.isHttpOnly());
            }
        }
    }

    /** The cookie of one Set-Cookie header, or null when it is malformed: a browser drops those too. */
    private static Cookie decode(String header) {
        try {
            Cookie c = ClientCookieDecoder.LAX.decode(header);
            return c != null && isToken(c.name()) && c.value().chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f) ? c : null;
        } catch (IllegalArgumentException e) {
            return null; // Netty refuses some names outright (empty after trimming)
        }
    }

    /** RFC 6265's cookie-name: an RFC 2616 token. */
    private static boolean isToken(String name) {
        return !name.isEmpty() && name.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(ch) < 0);
    }

    /**
     * Sets a cookie as if {@code url} had answered with it; {@code expiresAt} in epoch milliseconds
     * ({@link Long#MAX_VALUE}: until the jar is cleared). Returns false when {@code domain} does not
     * cover the URL's host, as a browser would refuse it.
     */
    public boolean set(URI url, String name, String value, String domain, String path, long expiresAt,
            boolean secure, boolean httpOnly) {
        String host = host(url);
        boolean hostOnly = domain == null || domain.isBlank();
        String d = hostOnly ? host : canonical(domain);
        if (host == null || name == null || name.isEmpty() || !domainMatches(host, d)) {
            return false;
        }
        String p = path == null || !path.startsWith("/") ? defaultPath(url) : path;
        remove(name, d, p);
        if (expiresAt > clock.getAsLong()) {
            if (cookies.size() >= MAX_COOKIES) {
                cookies.remove(0);
            }
            cookies.add(new Stored(name, value == null ? "" : value, d, hostOnly, p, expiresAt, secure, httpOnly));
        }
        return true;
    }

    /** The cookies to send to {@code url}, longest path first, as RFC 6265 orders them. */
    public List<Stored> cookiesFor(URI url) {
        String host = host(url);
        if (host == null || cookies.isEmpty()) {
            return List.of();
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        long now = clock.getAsLong();
        List<Stored> out = new ArrayList<>();
        for (Iterator<Stored> it = cookies.iterator(); it.hasNext(); ) {
            Stored c = it.next();
            if (c.expiresAt() <= now) {
                it.remove();
            } else if ((c.hostOnly() ? host.equals(c.domain()) : domainMatches(host, c.domain()))
                    && pathMatches(path, c.path()) && (https || !c.secure())) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt((Stored c) -> c.path().length()).reversed());
        return out;
    }

    /** Removes the cookies that would be sent to {@code url}. */
    public void clear(URI url) {
        cookies.removeAll(cookiesFor(url));
    }

    /** Removes the cookie {@code name} among those that would be sent to {@code url}. */
    public void delete(URI url, String name) {
        cookies.removeAll(cookiesFor(url).stream().filter(c -> c.name().equals(name)).toList());
    }

    /** Empties the jar (a new iteration, unless {@code noCookiesReset}). */
    public void clearAll() {
        cookies.clear();
    }

    private void remove(String name, String domain, String path) {
        cookies.removeIf(c -> c.name().equals(name) && c.domain().equals(domain) && c.path().equals(path));
    }

    private long expiry(long maxAgeSeconds) {
        if (maxAgeSeconds == Cookie.UNDEFINED_MAX_AGE) {
            return Long.MAX_VALUE;
        }
        return maxAgeSeconds <= 0 ? Long.MIN_VALUE : clock.getAsLong() + Math.min(maxAgeSeconds, Long.MAX_VALUE / 2000) * 1000;
    }

    private static String host(URI url) {
        String host = url.getHost();
        return host == null ? null : canonical(host);
    }

    private static String canonical(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.startsWith(".") ? d.substring(1) : d;
    }

    /** RFC 6265 5.1.3: equal, or a suffix after a dot and the host is not an IP address. */
    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return !domain.isEmpty() && host.endsWith("." + domain) && !isIp(host);
    }

    private static boolean isIp(String host) {
        return host.indexOf(':') >= 0 || host.startsWith("[") || host.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch));
    }

    /** RFC 6265 5.1.4. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    /** RFC 6265 5.1.4: the request path up to, not including, its last slash. */
    private static String defaultPath(URI url) {
        String path = url.getRawPath();
        if (path == null || !path.startsWith("/")) {
            return "/";
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }
}
