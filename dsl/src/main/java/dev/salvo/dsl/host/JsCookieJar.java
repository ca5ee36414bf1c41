package dev.salvo.dsl.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.http.CookieJar;
import org.graalvm.polyglot.HostAccess;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code http.cookieJar()} reads and changes (the running VU's jar) or {@code new http.CookieJar()} makes, with URLs checked. */
public final class JsCookieJar {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CookieJar jar;

    JsCookieJar(CookieJar jar) {
        this.jar = jar;
    }

    CookieJar jar() {
        return jar;
    }

    /** k6's shape: {@code {name: [value, ...]}}. */
    @HostAccess.Export
    public String cookiesJson(String url) throws JsonProcessingException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CookieJar.Stored c : jar.cookiesFor(uri(url))) {
            out.computeIfAbsent(c.name(), n -> new ArrayList<>()).add(c.value());
        }
        return JSON.writeValueAsString(out);
    }

    /** {@code expiresAt}: epoch milliseconds, or negative for a cookie that lasts until the jar is cleared. */
    @HostAccess.Export
    public void set(String url, String name, String value, String domain, String path, double expiresAt,
                    boolean secure, boolean httpOnly) {
        long expires = expiresAt < 0 ? Long.MAX_VALUE : (long) expiresAt;
        if (!jar.set(uri(url), name, value, domain, path, expires, secure, httpOnly)) {
            throw new IllegalArgumentException("cookieJar().set('" + url + "', '" + name + "'): "
                    + (name == null || name.isEmpty() ? "a cookie needs a name" : "domain '" + domain + "' does not cover the URL's host"));
        }
    }

    @HostAccess.Export
    public void clear(String url) {
        jar.clear(uri(url));
    }

    @HostAccess.Export
    public void delete(String url, String name) {
        jar.delete(uri(url), name);
    }

    private static URI uri(String url) {
        try {
            URI u = new URI(url);
            if (u.getHost() == null) throw new IllegalArgumentException("cookieJar(): '" + url + "' is not an absolute URL with a host");
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cookieJar(): invalid URL '" + url + "': " + e.getMessage());
        }
    }
}
