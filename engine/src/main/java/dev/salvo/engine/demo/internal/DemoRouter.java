package dev.salvo.engine.demo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.lang.management.ManagementFactory;


/** Maps a request to the demo's answer; pure logic, no I/O, so it is safe on any thread. */
final class DemoRouter {
    static final int MAX_BYTES = 16 << 20;
    static final long MAX_DELAY_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = """
            salvo demo target
            GET  /health                     {"status":"ok"}
            GET  /api/items?page=1&size=10   a page of items
            GET  /api/items/{id}             one item, 404 if missing
            POST /api/items                  create an item from a JSON object (201)
            POST /api/auth/token             {"username","password"} -> {"access":"<token>"}
            GET  /api/me                     needs Authorization: Bearer <token>
            GET  /delay?ms=N                 answers after N ms
            GET  /stall?every=5000&for=1000  stalls for `for` ms once every `every` ms (since start):
                                             a request arriving in a stall waits for its end
            GET  /status/{code}              answers with that status
            GET  /bytes/{n}                  n bytes
            GET  /gzip                       a gzip-encoded JSON body
            GET  /redirect/{n}               n redirects, then {"redirected":true}
            POST /api/batch?docs=N&ms=M      processes N documents, M ms each (default 10 docs, 5 ms)
            GET  /stats                      {"requests","leakedBytes","heapUsedBytes"} as JSON
            GET  /metrics                    the same in the Prometheus text format
            GET  /cookies                    {"cookies":{name: value}}: the cookies received
            GET  /cookies/set?name=value     sets cookies (Path=/), then redirects to /cookies
            GET  /cookies/delete?name        expires cookies, then redirects to /cookies
            POST /session?user=NAME          logs in: an HttpOnly `session` cookie
            GET  /session                    {"username"} with a valid session cookie, else 401
            POST /upload                     describes the body: size, sha256, and each multipart
                                             or form part's name, filename, contentType, size, sha256
            GET  /compressed/{coding}        a JSON body encoded with gzip, deflate, br or zstd
            """ + DemoSockets.ENDPOINTS + DemoStreams.ENDPOINTS;

    private final DemoState state;
    private final CookieRoutes cookies;
    private final BodyRoutes bodies = new BodyRoutes();

    DemoRouter(DemoState state) {
        this.state = state;
        this.cookies = new CookieRoutes(state.tokens());
    }

    DemoReply route(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        HttpMethod method = request.method();
        boolean get = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        boolean post = method.equals(HttpMethod.POST);
        String[] parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        try {
            DemoReply reply = path.startsWith("/cookies") || path.equals("/session") ? cookies.route(request, uri)
                    : path.equals("/upload") || path.startsWith("/compressed/") ? bodies.route(request, uri) : null;
            if (reply != null) {
                return reply;
            }
            if (get && path.equals("/")) {
                return DemoReply.text(200, INDEX);
            }
            if (get && path.equals("/health")) {
                return DemoReply.json(200, "{\"status\":\"ok\"}");
            }
            if (path.equals("/api/items")) {
                return get ? listItems(uri.parameters()) : post ? createItem(request) : notFound();
            }
            if (get && parts.length == 3 && path.startsWith("/api/items/")) {
                ObjectNode item = state.items().get(Long.parseLong(parts[2]));
                return item == null ? DemoReply.error(404, "not found") : DemoReply.json(200, JSON.writeValueAsString(item));
            }
            if (post && path.equals("/api/auth/token")) {
                return token(request);
            }
            if (get && path.equals("/api/me")) {
                return me(request);
            }
            if (get && path.equals("/delay")) {
                long ms = Long.parseLong(first(uri.parameters(), "ms", "0"));
                if (ms < 0 || ms > MAX_DELAY_MS) {
                    return DemoReply.error(400, "ms must be between 0 and " + MAX_DELAY_MS);
                }
                return DemoReply.json(200, "{\"delayed\":" + ms + "}").delayed(ms);
            }
            if (get && path.equals("/stall")) {
                long every = Long.parseLong(first(uri.parameters(), "every", "5000"));
                long stall = Long.parseLong(first(uri.parameters(), "for", "1000"));
                if (every <= 0 || stall < 0 || stall > every || every > MAX_DELAY_MS) {
                    return DemoReply.error(400, "need 0 < every <= " + MAX_DELAY_MS + " and 0 <= for <= every");
                }
                long phase = state.uptimeMs() % every;
                long wait = phase < stall ? stall - phase : 0;
                return DemoReply.json(200, "{\"stalled\":" + wait + "}").delayed(wait);
            }
            if (get && parts.length == 2 && parts[0].equals("status")) {
                int code = Integer.parseInt(parts[1]);
                return code >= 200 && code <= 599 ? DemoReply.json(code, "{\"status\":" + code + "}")
                        : DemoReply.error(400, "status must be between 200 and 599");
            }
            if (get && parts.length == 2 && parts[0].equals("bytes")) {
                int n = Integer.parseInt(parts[1]);
                if (n < 0 || n > MAX_BYTES) {
                    return DemoReply.error(400, "n must be between 0 and " + MAX_BYTES);
                }
                return new DemoReply(200, "application/octet-stream", bytes(n), Map.of(), 0);
            }
            if (get && path.equals("/gzip")) {
                return new DemoReply(200, "application/json", GZIPPED, Map.of("content-encoding", List.of("gzip")), 0);
            }
            if (post && path.equals("/api/batch")) {
                return batch(uri.parameters());
            }
            if (get && path.equals("/stats")) {
                return DemoReply.json(200, JSON.writeValueAsString(Map.of("requests", state.requestsServed(),
                        "leakedBytes", state.leakedBytes(), "heapUsedBytes", heapUsed())));
            }
            if (get && path.equals("/metrics")) {
                return new DemoReply(200, "text/plain; version=0.0.4; charset=utf-8", prometheus().getBytes(StandardCharsets.UTF_8), Map.of(), 0);
            }
            if (get && parts.length == 2 && parts[0].equals("redirect")) {
                int n = Integer.parseInt(parts[1]);
                if (n <= 0) {
                    return DemoReply.json(200, "{\"redirected\":true}");
                }
                return new DemoReply(302, "text/plain; charset=utf-8", new byte[0],
                        Map.of("location", List.of("/redirect/" + (n - 1))), 0);
            }
        } catch (NumberFormatException e) {
            return DemoReply.error(400, "not a number");
        } catch (JsonProcessingException e) {
            return DemoReply.error(500, "cannot write JSON");
        }
        return notFound();
    }

    static final String GZIP_JSON = "{\"gzipped\":true,\"message\":\"this body was gzip-encoded by the demo target\"}";
    private static final byte[] GZIPPED = gzip(GZIP_JSON);

    private static DemoReply notFound() {
        return DemoReply.error(404, "not found");
    }

    private DemoReply listItems(Map<String, List<String>> params) throws JsonProcessingException {
        int page = Integer.parseInt(first(params, "page", "1"));
        int size = Integer.parseInt(first(params, "size", "10"));
        if (page < 1 || size < 1 || size > 100) {
            return DemoReply.error(400, "page must be >= 1 and size between 1 and 100");
        }
        return DemoReply.json(200, JSON.writeValueAsString(state.items().page(page, size)));
    }

    /** A batch job: {@code docs} documents of {@code ms} each, answered when all are done. */
    private static DemoReply batch(Map<String, List<String>> params) {
        int docs = Integer.parseInt(first(params, "docs", "10"));
        long ms = Long.parseLong(first(params, "ms", "5"));
        if (docs < 1 || ms < 0 || docs * ms > MAX_DELAY_MS) {
            return DemoReply.error(400, "need docs >= 1, ms >= 0 and docs * ms <= " + MAX_DELAY_MS);
        }
        return DemoReply.json(200, "{\"docs\":" + docs + ",\"ms\":" + docs * ms + "}").delayed(docs * ms);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private String prometheus() {
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        return """
                # HELP demo_requests_total Requests served by the demo target.
                # TYPE demo_requests_total counter
                demo_requests_total %d
                # HELP demo_leaked_bytes Bytes kept on purpose (salvo demo --leak-per-request).
                # TYPE demo_leaked_bytes gauge
                demo_leaked_bytes %d
                # HELP jvm_memory_used_bytes Used bytes of a JVM memory area.
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap"} %d
                jvm_memory_used_bytes{area="nonheap"} %d
                """.formatted(state.requestsServed(), state.leakedBytes(), heapUsed(), nonHeap);
    }

    private DemoReply createItem(FullHttpRequest request) throws JsonProcessingException {
        JsonNode body = parse(request);
        if (!(body instanceof ObjectNode fields)) {
            return DemoReply.error(400, "invalid JSON: expected an object");
        }
        return DemoReply.json(201, JSON.writeValueAsString(state.items().create(fields)));
    }

    private DemoReply token(FullHttpRequest request) throws JsonProcessingException {
        JsonNode body = parse(request);
        if (!(body instanceof ObjectNode)) {
            return DemoReply.error(400, "invalid JSON: expected an object");
        }
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        if (username.isEmpty() || password.isEmpty()) {
            return DemoReply.error(401, "invalid credentials");
        }
        return DemoReply.json(200, JSON.writeValueAsString(Map.of("access", state.tokens().issue(username))));
    }

    private DemoReply me(FullHttpRequest request) throws JsonProcessingException {
        String auth = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        String username = auth.regionMatches(true, 0, "Bearer ", 0, 7) ? state.tokens().verify(auth.substring(7).trim()) : null;
        if (username == null) {
            return DemoReply.error(401, "unauthorized");
        }
        return DemoReply.json(200, JSON.writeValueAsString(Map.of("username", username)));
    }

    /** The request's JSON, or null when it is not JSON. */
    private static JsonNode parse(FullHttpRequest request) {
        try {
            return JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ('a' + i % 26);
        }
        return out;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }
}
