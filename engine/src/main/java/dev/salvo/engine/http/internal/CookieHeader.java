package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.CookieJar;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.RequestCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Adds the Cookie header a hop sends: the jar's cookies for its URL and the request's own, as k6 merges them. */
final class CookieHeader {
    private CookieHeader() {
    }

    static HttpRequest apply(HttpRequest request, CookieJar jar) {
        List<CookieJar.Stored> stored = jar.cookiesFor(request.url());
        if (stored.isEmpty() && request.cookies().isEmpty()) {
            return request;
        }
        Set<String> replaced = request.cookies().stream().filter(RequestCookie::replace).map(RequestCookie::name)
                .collect(Collectors.toSet());
        StringBuilder value = new StringBuilder();
        for (CookieJar.Stored c : stored) {
            if (!replaced.contains(c.name())) {
                append(value, c.name(), c.value());
            }
        }
        for (RequestCookie c : request.cookies()) {
            append(value, c.name(), c.value());
        }
        List<Header> headers = new ArrayList<>(request.headers().size() + 1);
        String own = null;
        for (Header h : request.headers()) {
            if (h.name().equalsIgnoreCase("cookie")) {
                own = own == null ? h.value() : own + "; " + h.value();
            } else {
                headers.add(h);
            }
        }
        // A Cookie header the script wrote itself comes first; the jar's and params.cookies follow.
        headers.add(new Header("Cookie", own == null ? value.toString() : value.isEmpty() ? own : own + "; " + value));
        return new HttpRequest(request.method(), request.url(), headers, request.body(), request.timeout(),
                request.maxRedirects(), request.discardBody(), request.tags(), request.cookies(), request.expected());
    }

    private static void append(StringBuilder b, String name, String value) {
        if (!b.isEmpty()) {
            b.append("; ");
        }
        b.append(name).append('=').append(value);
    }
}
