package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;


/** The follow-up request of a redirect, with the method rules browsers and Go's client apply. */
final class Redirects {
    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The next hop, or null when the response is not a followable redirect. */
    static HttpRequest next(HttpRequest current, HttpResponse response) {
        if (!isRedirect(response.status())) {
            return null;
        }
        String location = response.header("location");
        if (location == null || location.isBlank()) {
            return null;
        }
        URI target;
        try {
            target = current.url().resolve(location.trim());
        } catch (IllegalArgumentException e) {
            return null; // an unparseable Location: hand the 3xx back as is
        }
        int status = response.status();
        String method = current.method().toUpperCase(Locale.ROOT);
        boolean toGet = (status == 303 && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
        boolean sameHost = Objects.equals(current.url().getHost(), target.getHost())
                && current.url().getPort() == target.getPort();
        List<Header> headers = new ArrayList<>();
        for (Header h : current.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (toGet && (name.equals("content-type") || name.equals("content-length"))) {
                continue;
            }
            // Credentials and a pinned Host must not leak to another origin.
            if (!sameHost && (name.equals("authorization") || name.equals("cookie") || name.equals("host"))) {
                continue;
            }
            headers.add(h);
        }
        return new HttpRequest(toGet ? "GET" : current.method(), target, headers, toGet ? null : current.body(),
                current.timeout(), current.maxRedirects(), current.discardBody(), current.tags(),
                sameHost ? current.cookies() : List.of(), current.expected());
    }
}
