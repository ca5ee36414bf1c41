package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.HttpErrorCodes;
import java.net.URI;
import java.util.Locale;

/**
 * Where a URL points: scheme, host, port, the pool key and the request target. {@code errorCode} is
 * non-zero when the URL cannot be used.
 */
public record Target(boolean tls, String host, int port, String hostHeader, String pathAndQuery, int errorCode,
        String error) {

    public String key() {
        return (tls ? "https://" : "http://") + host + ":" + port;
    }

    public boolean ok() {
        return errorCode == 0;
    }

    public static Target of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return failure(HttpErrorCodes.INVALID_URL, "invalid URL " + url + ": scheme must be http or https");
        }
        boolean tls = scheme.equals("https");
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return failure(HttpErrorCodes.INVALID_URL, "invalid URL " + url + ": no host");
        }
        int port = url.getPort() == -1 ? (tls ? 443 : 80) : url.getPort();
        String hostHeader = url.getPort() == -1 ? host : host + ":" + port;
        // URI keeps the brackets of an IPv6 literal; the socket address must not have them.
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String pathAndQuery = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        return new Target(tls, host, port, hostHeader, pathAndQuery, 0, null);
    }

    private static Target failure(int code, String message) {
        return new Target(false, null, 0, null, null, code, message);
    }
}
