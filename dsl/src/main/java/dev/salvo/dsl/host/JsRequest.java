package dev.salvo.dsl.host;

import dev.salvo.engine.http.Compression;
import dev.salvo.engine.http.CookieJar;
import dev.salvo.engine.http.ExpectedStatuses;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.RequestCookie;
import org.graalvm.polyglot.Value;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as salvo/http's {@code prepare()} describes it, read by member name: {@code method, url, body,
 * headers, tags} ({@code [name, value, ...]}), {@code timeout, redirects} (-1: the run's default),
 * {@code responseType, cookies} ({@code [{ name, value, replace }]}), {@code compression, expected}, {@code jar} (a {@link JsCookieJar} of its own, or null for the VU's).
 */
record JsRequest(String method, String url, Value body, Value headers, Value tags, Value timeout, int redirects,
                 String responseType, Value cookies, String compression, Value expected, Value jar) {

    static JsRequest of(Value p) {
        Value redirects = p.getMember("redirects");
        if (!redirects.fitsInInt()) throw ScriptProblem.type("params.redirects must be a whole number of redirects, not " + redirects);
        return new JsRequest(p.getMember("method").asString(), p.getMember("url").asString(), p.getMember("body"),
                p.getMember("headers"), p.getMember("tags"), p.getMember("timeout"), redirects.asInt(),
                p.getMember("responseType").asString(), p.getMember("cookies"), JsValues.string(p.getMember("compression")),
                p.getMember("expected"), p.getMember("jar"));
    }

    /** A request without body or params: {@code http.get(url)}, the common case. */
    static JsRequest plain(String method, String url) {
        return new JsRequest(method, url, null, null, null, null, -1, "text", null, null, null, null);
    }

    /** The engine's request for {@code vu}; a bad URL, header or timeout is a TypeError for the script. */
    HttpRequest toHttp(VuState vu, boolean keepBody, ExpectedStatuses statuses) {
        try {
            List<Header> h = JsValues.headers(headers);
            byte[] bytes = JsValues.body(body);
            if (compression != null && !compression.isEmpty()) {
                bytes = Compression.encode(compression, bytes);
                h.add(new Header("Content-Encoding", compression.trim()));
            }
            int maxRedirects = redirects < 0 ? vu.services.http().config().connections().maxRedirects() : redirects;
            return new HttpRequest(method, vu.uri(url), h, bytes, JsValues.timeout(timeout), maxRedirects, !keepBody,
                    JsValues.tags(vu, tags), requestCookies(), statuses);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ScriptProblem.type("invalid request to '" + url + "': " + e.getMessage());
        }
    }

    /** The jar the request uses: its own ({@code params.jar}) or the VU's. */
    CookieJar jarOf(VuState vu) {
        if (jar == null || jar.isNull()) return vu.services.http().cookies();
        if (!jar.isHostObject() || !(jar.asHostObject() instanceof JsCookieJar own)) {
            throw ScriptProblem.type("params.jar must be a cookie jar (new http.CookieJar() or http.cookieJar()), not " + jar);
        }
        return own.jar();
    }

    /** {@code replace}: hide the jar's cookie of that name. */
    private List<RequestCookie> requestCookies() {
        if (cookies == null || cookies.isNull()) return List.of();
        List<RequestCookie> out = new ArrayList<>();
        for (long i = 0; i < cookies.getArraySize(); i++) {
            Value c = cookies.getArrayElement(i);
            out.add(new RequestCookie(c.getMember("name").asString(), c.getMember("value").asString(),
                    c.getMember("replace").asBoolean()));
        }
        return out;
    }
}
