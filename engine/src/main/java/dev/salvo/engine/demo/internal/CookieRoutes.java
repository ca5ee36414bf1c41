package dev.salvo.engine.demo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's cookie endpoints: echo the cookies received, set or delete some then redirect to the
 * echo (as httpbin does), and a login session held in an HttpOnly cookie.
 */
final class CookieRoutes {
    static final String SESSION = "session";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TokenIssuer tokens;

    CookieRoutes(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    /** The reply for a cookie path, or null when {@code path} is not one. */
    DemoReply route(FullHttpRequest request, QueryStringDecoder uri) throws JsonProcessingException {
        String path = uri.path();
        boolean get = request.method().equals(HttpMethod.GET);
        if (get && path.equals("/cookies")) {
            return DemoReply.json(200, JSON.writeValueAsString(Map.of("cookies", received(request))));
        }
        if (get && (path.equals("/cookies/set") || path.equals("/cookies/delete"))) {
            boolean set = path.endsWith("/set");
            List<String> headers = new ArrayList<>();
            uri.parameters().forEach((name, values) -> headers.add(set
                    ? name + "=" + (values.isEmpty() ? "" : values.get(0)) + "; Path=/"
                    : name + "=; Path=/; Max-Age=0"));
            return redirect("/cookies", headers);
        }
        if (path.equals("/session") && request.method().equals(HttpMethod.POST)) {
            String user = first(uri, "user");
            if (user == null || user.isBlank()) {
                return DemoReply.error(400, "user is required: POST /session?user=NAME");
            }
            return new DemoReply(200, "application/json", JSON.writeValueAsBytes(Map.of("username", user)),
                    Map.of("set-cookie", List.of(SESSION + "=" + tokens.issue(user) + "; Path=/; HttpOnly")), 0);
        }
        if (get && path.equals("/session")) {
            String token = received(request).get(SESSION);
            String user = token == null ? null : tokens.verify(token);
            return user == null ? DemoReply.error(401, "no valid session cookie: POST /session?user=NAME first")
                    : DemoReply.json(200, JSON.writeValueAsString(Map.of("username", user)));
        }
        return null;
    }

    private static Map<String, String> received(FullHttpRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie c : ServerCookieDecoder.LAX.decodeAll(header)) {
                out.put(c.name(), c.value());
            }
        }
        return out;
    }

    private static DemoReply redirect(String location, List<String> setCookies) {
        return new DemoReply(302, "text/plain; charset=utf-8", new byte[0],
                Map.of("location", List.of(location), "set-cookie", setCookies), 0);
    }

    private static String first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
