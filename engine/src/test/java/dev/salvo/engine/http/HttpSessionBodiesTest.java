package dev.salvo.engine.http;

import dev.salvo.engine.demo.DemoTargetTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cookies, request and response codings and batches, end to end against the demo target. */
class HttpSessionBodiesTest extends DemoTargetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static URI url(String path) {
        return URI.create(demo.baseUrl() + path);
    }

    private static HttpRequest request(String method, String path, List<Header> headers, byte[] body,
            List<RequestCookie> cookies) {
        return new HttpRequest(method, url(path), headers, body, Duration.ofSeconds(5), 10, false, Map.of(), cookies);
    }

    private static JsonNode json(HttpResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void cookiesSetDuringRedirectsAreSentOnTheNextHop() throws Exception {
        try (SessionFixture fx = new SessionFixture()) {
            HttpResponse r = fx.get(demo.baseUrl() + "/cookies/set?a=1&b=two");
            assertEquals(200, r.status());
            assertEquals(Map.of("a", "1", "b", "two"), JSON.convertValue(json(r).get("cookies"), Map.class));
            fx.get(demo.baseUrl() + "/cookies/delete?a");
            assertEquals("{\"b\":\"two\"}", json(fx.get(demo.baseUrl() + "/cookies")).get("cookies").toString());
        }
    }

    @Test
    void aSessionCookieLastsUntilTheNextIterationUnlessNoCookiesReset() throws Exception {
        for (boolean keep : new boolean[] {false, true}) {
            try (SessionFixture fx = new SessionFixture(new HttpConfig("t", false, null, null, null, null, keep, 0, 0))) {
                assertEquals(401, fx.get(demo.baseUrl() + "/session").status());
                assertEquals(200, fx.send(request("POST", "/session?user=ann", List.of(), null, List.of())).status());
                assertEquals("ann", json(fx.get(demo.baseUrl() + "/session")).get("username").asText());
                fx.loop.submit(fx.session::startIteration).get(5, TimeUnit.SECONDS);
                assertEquals(keep ? 200 : 401, fx.get(demo.baseUrl() + "/session").status());
            }
        }
    }

    @Test
    void requestCookiesAddToTheJarsOrReplaceThem() throws Exception {
        try (SessionFixture fx = new SessionFixture()) {
            fx.get(demo.baseUrl() + "/cookies/set?a=jar");
            HttpResponse both = fx.send(request("GET", "/cookies", List.of(new Header("Cookie", "own=1")), null,
                    List.of(new RequestCookie("a", "req", false))));
            // The echo keeps the last value of a repeated name: the request's, sent after the jar's.
            assertEquals("{\"own\":\"1\",\"a\":\"req\"}", json(both).get("cookies").toString());
            HttpResponse replaced = fx.send(request("GET", "/cookies", List.of(), null,
                    List.of(new RequestCookie("a", "req", true))));
            assertEquals("{\"a\":\"req\"}", json(replaced).get("cookies").toString());
            assertEquals("{\"a\":\"jar\"}", json(fx.get(demo.baseUrl() + "/cookies")).get("cookies").toString(),
                    "request cookies are not stored");
        }
    }

    @Test
    void aMalformedSetCookieIsIgnoredAndTheResponseStillArrives() throws Exception {
        String reply = "HTTP/1.1 200 OK\r\nSet-Cookie: =broken\r\nSet-Cookie: ;;;\r\nSet-Cookie: a b=c\r\n"
                + "Set-Cookie: good=1; Path=/; Max-Age=abc\r\nContent-Length: 2\r\n\r\nok";
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write(reply);
            List<String> head = conn.readHead();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: " + String.join("|", head).length() + "\r\n\r\n"
                    + String.join("|", head));
        }); SessionFixture fx = new SessionFixture()) {
            HttpResponse first = fx.get(server.url("/"));
            assertEquals(200, first.status());
            assertEquals(4, first.headers().get("set-cookie").size());
            String seen = new String(fx.get(server.url("/again")).body(), StandardCharsets.ISO_8859_1);
            assertTrue(seen.contains("|Cookie: good=1"), seen);
        }
    }

    @Test
    void compressedRequestBodiesArriveWholeAndSmaller() throws Exception {
        byte[] body = "salvo ".repeat(2000).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        try (SessionFixture fx = new SessionFixture()) {
            for (String coding : List.of("gzip", "deflate", "br", "zstd")) {
                HttpResponse r = fx.send(request("POST", "/upload", List.of(new Header("Content-Encoding", coding)),
                        Compression.encode(coding, body), List.of()));
                assertEquals(200, r.status(), coding);
                assertEquals(body.length, json(r).get("size").asInt(), coding);
                assertEquals(sha, json(r).get("sha256").asText(), coding);
                assertTrue(r.bytesSent() < body.length / 5, coding + " sent " + r.bytesSent());
            }
        }
    }

    @Test
    void responsesInEveryCodingAreDecodedAndKeepTheirContentEncoding() throws Exception {
        try (SessionFixture fx = new SessionFixture()) {
            for (String coding : List.of("gzip", "deflate", "br", "zstd")) {
                HttpResponse r = fx.get(demo.baseUrl() + "/compressed/" + coding);
                assertEquals(200, r.status(), coding);
                assertEquals(coding, r.header("content-encoding"));
                assertTrue(json(r).get("compressed").asBoolean(), coding);
            }
        }
        assertTrue(Compression.acceptEncoding().contains("br") && Compression.acceptEncoding().contains("zstd"));
    }

    @Test
    void aCorruptCompressedBodyIsAnErrorValueNotACrash() throws Exception {
        String garbage = "HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nContent-Length: 12\r\n\r\nnot %-8s";
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write(garbage.formatted("br", "brotli"));
        }, conn -> {
            conn.readRequest();
            conn.write(garbage.formatted("zstd", "zstd"));
        }); SessionFixture fx = new SessionFixture()) {
            for (String path : List.of("/br", "/zstd")) {
                HttpResponse r = fx.get(server.url(path));
                assertEquals(0, r.status(), path);
                assertEquals(HttpErrorCodes.BODY_DECODE_ERROR, r.errorCode(), path);
                assertTrue(r.error().startsWith("cannot decode the response body (Content-Encoding): "), path + ": " + r.error());
            }
        }
    }

    @Test
    void anUnknownCompressionIsRefusedByName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Compression.encode("lzma", new byte[1]));
        assertTrue(e.getMessage().contains("unsupported compression 'lzma'"), e.getMessage());
    }

    @Test
    void aBatchWithOneFailingRequestStillResolvesTheOthersInOrder() throws Exception {
        try (SessionFixture fx = new SessionFixture()) {
            List<HttpRequest> batch = List.of(HttpRequest.of("GET", url("/health")),
                    HttpRequest.of("GET", URI.create("http://127.0.0.1:1/refused")),
                    HttpRequest.of("GET", url("/status/404")), HttpRequest.of("GET", url("/delay?ms=50")));
            List<HttpResponse> out = fx.loop.submit(() -> fx.session.sendAll(batch)).get(5, TimeUnit.SECONDS)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of(200, 0, 404, 200), out.stream().map(HttpResponse::status).toList());
            assertEquals(HttpErrorCodes.CONNECTION_REFUSED, out.get(1).errorCode());
            assertEquals(4, fx.seen.size(), "each request is reported on its own");
        }
    }

    @Test
    void batchRequestsRunInParallelWithinThePerHostLimit() throws Exception {
        List<HttpRequest> batch = java.util.Collections.nCopies(4, HttpRequest.of("GET", url("/delay?ms=300")));
        for (int perHost : new int[] {6, 2}) {
            try (SessionFixture fx = new SessionFixture(new HttpConfig("t", false, null, null, null, null, false, 20, perHost))) {
                long before = demo.connectionsAccepted();
                long start = System.nanoTime();
                List<HttpResponse> out = fx.loop.submit(() -> fx.session.sendAll(batch)).get(5, TimeUnit.SECONDS)
                        .get(10, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(out.stream().allMatch(r -> r.status() == 200));
                assertEquals(Math.min(4, perHost), demo.connectionsAccepted() - before);
                if (perHost == 6) {
                    assertTrue(ms < 580, "4 parallel requests of 300 ms took " + ms + " ms");
                } else {
                    assertTrue(ms >= 600, "2 rounds of 300 ms took only " + ms + " ms");
                }
            }
        }
    }
}
