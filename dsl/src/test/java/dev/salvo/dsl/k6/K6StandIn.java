package dev.salvo.dsl.k6;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the hosts k6's examples call (httpbin.org, quickpizza's test.k6.io, GitHub's
 * GraphQL endpoint): the few routes the corpus uses, answering as those services do.
 */
final class K6StandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HOME = "<html><body><p class=\"description\">This is a replacement of the service test.k6.io</p></body></html>";
    private final HttpServer server;
    /** salvo's demo target, for its WebSocket echo ({@code /ws/echo}): the JDK's server has no WebSocket. */
    private final DemoServer demo;

    K6StandIn() throws IOException {
        try {
            demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** {@code 127.0.0.1:port}, what replaces {@code stand-in.test} in the corpus. */
    String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:port} of the WebSocket echo, what replaces {@code echo.ws.test} in the corpus. */
    String wsAuthority() {
        return demo.wsUrl().substring("ws://".length());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            if (path.equals("/") || path.startsWith("/test.k6.io")) {
                send(ex, 200, "text/html; charset=utf-8", HOME);
            } else if (path.equals("/form")) {
                send(ex, 200, "text/html", "<html><body><form action=\"/post\" method=\"post\"><input name=\"user\" value=\"ann\">"
                        + "<input name=\"pass\"><button name=\"go\" value=\"1\">Go</button></form>"
                        + "<a href=\"get?from=link\">next</a></body></html>");
            } else if (path.equals("/pi.php")) {
                send(ex, 200, "text/plain", "3.14");
            } else if (path.equals("/style.css") || path.equals("/teddy.jpg") || path.startsWith("/static/")) {
                send(ex, 200, "application/octet-stream", "x".repeat(64));
            } else if (List.of("/get", "/post", "/put", "/patch", "/delete", "/anything").contains(path)) {
                send(ex, 200, "application/json", JSON.writeValueAsString(echo(ex, method, body)));
            } else if (path.startsWith("/basic-auth/")) {
                String[] p = path.split("/");
                String expected = "Basic " + Base64.getEncoder().encodeToString((p[2] + ":" + p[3]).getBytes(StandardCharsets.UTF_8));
                boolean ok = expected.equals(ex.getRequestHeaders().getFirst("Authorization"));
                send(ex, ok ? 200 : 401, "application/json", ok ? "{\"authenticated\":true,\"user\":\"" + p[2] + "\"}" : "{}");
            } else if (path.equals("/cookies")) {
                send(ex, 200, "application/json", JSON.writeValueAsString(Map.of("cookies", cookies(ex))));
            } else if (path.equals("/cookies/set")) {
                query(ex.getRequestURI().getRawQuery()).forEach((k, v) -> ex.getResponseHeaders().add("Set-Cookie", k + "=" + v.get(0) + "; Path=/"));
                redirect(ex, "/cookies");
            } else if (path.startsWith("/redirect/")) {
                int n = Integer.parseInt(path.substring("/redirect/".length()));
                redirect(ex, n <= 1 ? "/get" : "/redirect/" + (n - 1));
            } else if (path.startsWith("/api/")) {
                quickPizza(ex, path, method, body);
            } else if (path.equals("/graphql")) {
                send(ex, 401, "application/json", "{\"message\":\"Bad credentials\"}"); // as GitHub answers a made-up token
            } else {
                send(ex, 404, "text/plain", "not found");
            }
        }
    }

    /** The QuickPizza routes of its k6 examples and of k6's docs: pizzas, login with a CSRF cookie, ratings, cookies. */
    private void quickPizza(HttpExchange ex, String path, String method, byte[] body) throws IOException {
        Map<String, String> cookies = cookies(ex);
        if (path.equals("/api/cookies") && method.equals("GET")) {
            send(ex, 200, "application/json", JSON.writeValueAsString(Map.of("cookies", cookies)));
        } else if (path.equals("/api/cookies") && method.equals("POST")) {
            // Go's http.SetCookie quotes a value with a space or a comma
            query(ex.getRequestURI().getRawQuery()).forEach((k, v) -> ex.getResponseHeaders().add("Set-Cookie",
                    k + "=" + (v.get(0).matches(".*[ ,].*") ? "\"" + v.get(0) + "\"" : v.get(0))));
            ex.sendResponseHeaders(200, -1);
        } else if (path.equals("/api/csrf-token") && method.equals("POST")) {
            ex.getResponseHeaders().add("Set-Cookie", "csrf_token=" + Long.toHexString(System.nanoTime()) + "; Path=/; SameSite=Strict");
            send(ex, 200, "application/json", "{}");
        } else if (path.equals("/api/users/token/login") && method.equals("POST")) {
            Map<?, ?> login = JSON.readValue(body, Map.class);
            boolean ok = "default".equals(login.get("username")) && "12345678".equals(login.get("password"))
                    && login.get("csrf") != null && login.get("csrf").equals(cookies.get("csrf_token"));
            send(ex, ok ? 200 : 401, "application/json", ok ? "{\"token\":\"abcdef0123456789\"}" : "{\"error\":\"invalid csrf token\"}");
        } else if (!String.valueOf(ex.getRequestHeaders().getFirst("Authorization")).toLowerCase().startsWith("token ")) {
            send(ex, 401, "application/json", "{\"error\":\"unauthorized\"}");
        } else if (path.equals("/api/pizza") && method.equals("POST")) {
            send(ex, 200, "application/json", "{\"pizza\":{\"id\":42,\"name\":\"Stand-in Margherita\",\"ingredients\":"
                    + "[{\"name\":\"Tomato\"},{\"name\":\"Mozzarella\"},{\"name\":\"Basil\"}],\"tool\":\"Pizza cutter\"},\"calories\":400}");
        } else if (path.equals("/api/ratings") && method.equals("POST")) {
            send(ex, 201, "application/json", "{\"id\":1,\"stars\":5,\"pizza_id\":42}");
        } else {
            send(ex, 404, "application/json", "{\"error\":\"not found\"}");
        }
    }

    /** httpbin's echo: args, headers, form, json, data, url. */
    private static Map<String, Object> echo(HttpExchange ex, String method, byte[] body) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("args", flat(query(ex.getRequestURI().getRawQuery())));
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(titleCase(k), String.join(",", v)));
        out.put("headers", headers);
        String text = new String(body, StandardCharsets.UTF_8);
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        out.put("form", type.startsWith("application/x-www-form-urlencoded") ? flat(query(text)) : Map.of());
        out.put("json", type.startsWith("application/json") && !text.isEmpty() ? JSON.readTree(text) : null);
        out.put("data", text);
        out.put("method", method);
        out.put("url", "http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI());
        return out;
    }

    /** {@code x-test} as httpbin shows it: {@code X-Test}. */
    private static String titleCase(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean up = true;
        for (char c : name.toCharArray()) {
            b.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
            up = c == '-';
        }
        return b.toString();
    }

    private static Map<String, String> cookies(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String c : header.split(";\\s*")) {
                int eq = c.indexOf('=');
                if (eq > 0) out.put(c.substring(0, eq), c.substring(eq + 1));
            }
        }
        return out;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** httpbin shows a repeated key as a list, a single one as a string. */
    private static Map<String, Object> flat(Map<String, List<String>> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.size() == 1 ? v.get(0) : v));
        return out;
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        demo.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
