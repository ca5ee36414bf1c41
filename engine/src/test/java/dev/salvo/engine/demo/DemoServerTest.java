package dev.salvo.engine.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo target seen through the JDK's own client, so its behaviour is checked independently of ours. */
class DemoServerTest extends DemoTargetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpClient client;

    @BeforeAll
    static void start() throws InterruptedException {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .POST(BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), BodyHandlers.ofString());
    }

    private static String url(String path) {
        return demo.baseUrl() + path;
    }

    @Test
    void theChatEndpointAnswersWholeWithoutStreamAndRefusesBadRequestsAsOpenAiDoes() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = post(url("/v1/chat/completions?ttft=30&itl=10"),
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a b\"}],\"max_tokens\":3}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode c = JSON.readTree(r.body());
        assertEquals("chat.completion", c.get("object").asText());
        assertEquals("salvo streams tokens", c.at("/choices/0/message/content").asText());
        assertEquals(2, c.at("/usage/prompt_tokens").asInt());
        assertEquals(3, c.at("/usage/completion_tokens").asInt());
        assertTrue(System.nanoTime() - start >= 50_000_000L, "answered before ttft + 2 x itl");
        HttpResponse<String> bad = post(url("/v1/chat/completions"), "{\"model\":\"m\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_request_error", JSON.readTree(bad.body()).at("/error/type").asText());
        assertEquals(405, get(url("/v1/chat/completions")).statusCode());
    }

    @Test
    void theFeedStreamsCountEventsAndRefusesBadParameters() throws Exception {
        HttpResponse<String> r = get(url("/sse?rate=100&count=2&retry=5"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        assertTrue(r.body().matches("(?s)retry: 5\n\nid: 0\ndata: \\{\"seq\":0,.*\n\nid: 1\ndata: \\{\"seq\":1,.*\n\n"), r.body());
        assertEquals(400, get(url("/sse?rate=0")).statusCode());
        assertEquals(400, get(url("/sse?cut=sideways")).statusCode());
    }

    @Test
    void batchAnswersAfterEveryDocumentIsProcessed() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = post(demo.baseUrl() + "/api/batch?docs=4&ms=25", "");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"docs\":4,\"ms\":100}", r.body());
        assertTrue(System.nanoTime() - start >= 100_000_000L, "answered before 4 x 25 ms");
        assertEquals(400, post(demo.baseUrl() + "/api/batch?docs=0", "").statusCode());
    }

    @Test
    void aLeakingTargetKeepsItsBytesPerRequestAndShowsThemInStatsAndMetrics() throws Exception {
        try (DemoServer leaking = DemoServer.start(DemoOptions.defaults().withLeakPerRequest(100_000))) {
            for (int i = 0; i < 5; i++) get(leaking.baseUrl() + "/health");
            JsonNode stats = JSON.readTree(get(leaking.baseUrl() + "/stats").body());
            assertEquals(500_000, stats.get("leakedBytes").asLong(), stats.toString());
            assertTrue(stats.get("heapUsedBytes").asLong() > 500_000, stats.toString());
            String metrics = get(leaking.baseUrl() + "/metrics").body();
            assertTrue(metrics.contains("\ndemo_leaked_bytes 600000\n"), metrics); // the /stats request leaked too
            assertTrue(metrics.contains("# TYPE jvm_memory_used_bytes gauge\njvm_memory_used_bytes{area=\"heap\"} "), metrics);
        }
        assertEquals(0, JSON.readTree(get(demo.baseUrl() + "/stats").body()).get("leakedBytes").asLong());
    }

    @Test
    void leakPerRequestOutOfBoundsIsAnOptionError() {
        assertEquals(java.util.List.of("demo.leakPerRequest: must be between 0 and 16777216 bytes, was -1"),
                DemoOptions.defaults().withLeakPerRequest(-1).validate());
    }

    @Test
    void cookiesAreSetEchoedAndHoldASession() throws Exception {
        HttpResponse<String> set = get(url("/cookies/set?a=1&b=2"));
        assertEquals(302, set.statusCode());
        assertEquals("/cookies", set.headers().firstValue("location").orElse(""));
        assertEquals(java.util.List.of("a=1; Path=/", "b=2; Path=/"), set.headers().allValues("set-cookie"));
        HttpResponse<String> echo = client.send(HttpRequest.newBuilder(URI.create(url("/cookies")))
                .header("Cookie", "x=1; y=two").build(), BodyHandlers.ofString());
        assertEquals("{\"cookies\":{\"x\":\"1\",\"y\":\"two\"}}", echo.body());
        assertEquals(401, get(url("/session")).statusCode());
        String cookie = post(url("/session?user=ada"), "").headers().firstValue("set-cookie").orElse("");
        assertTrue(cookie.startsWith("session=") && cookie.endsWith("; Path=/; HttpOnly"), cookie);
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(url("/session")))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), BodyHandlers.ofString());
        assertEquals("ada", JSON.readTree(me.body()).get("username").asText());
    }

    @Test
    void uploadDescribesAMultipartBody() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nabc\r\n--XyZ--\r\n";
        JsonNode r = JSON.readTree(post(url("/upload"), body, "Content-Type", "multipart/form-data; boundary=XyZ").body());
        JsonNode part = r.get("parts").get(0);
        assertEquals("a.txt", part.get("filename").asText());
        assertEquals(3, part.get("size").asInt());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", part.get("sha256").asText());
        HttpResponse<String> bad = post(url("/upload"), body, "Content-Type", "multipart/form-data; charset=nope; boundary=XyZ");
        assertEquals(400, bad.statusCode(), bad.body());
    }

    @Test
    void compressedBodiesUseTheAskedCoding() throws Exception {
        HttpResponse<byte[]> gz = client.send(HttpRequest.newBuilder(URI.create(url("/compressed/gzip"))).build(),
                BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("content-encoding").orElse(""));
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"compressed\":true"), text);
        assertEquals(404, get(url("/compressed/lzma")).statusCode());
    }

    @Test
    void urlsPointAtTheBoundLoopbackPort() {
        assertTrue(demo.port() > 0);
        assertEquals("http://127.0.0.1:" + demo.port(), demo.baseUrl());
        assertEquals("ws://127.0.0.1:" + demo.port(), demo.wsUrl());
    }

    @Test
    void healthIsOk() throws Exception {
        HttpResponse<String> res = get(url("/health"));
        assertEquals(200, res.statusCode());
        assertEquals("{\"status\":\"ok\"}", res.body());
        assertTrue(demo.requestsServed() > 0);
    }

    @Test
    void itemsArePaged() throws Exception {
        JsonNode page2 = JSON.readTree(get(url("/api/items?page=2&size=5")).body());
        assertEquals(5, page2.size());
        assertEquals(6, page2.get(0).get("id").asLong());
        assertTrue(page2.get(0).has("name") && page2.get(0).has("price"));
        assertEquals(10, JSON.readTree(get(url("/api/items")).body()).size());
        assertEquals(400, get(url("/api/items?size=0")).statusCode());
    }

    @Test
    void itemByIdOr404() throws Exception {
        assertEquals("Item 42", JSON.readTree(get(url("/api/items/42")).body()).get("name").asText());
        HttpResponse<String> missing = get(url("/api/items/100000"));
        assertEquals(404, missing.statusCode());
        assertEquals("{\"error\":\"not found\"}", missing.body());
    }

    @Test
    void createdItemGetsAnIdAndCanBeRead() throws Exception {
        HttpResponse<String> created = post(url("/api/items"), "{\"name\":\"lamp\",\"price\":12.5}");
        assertEquals(201, created.statusCode());
        JsonNode item = JSON.readTree(created.body());
        assertEquals("lamp", item.get("name").asText());
        assertTrue(item.get("id").asLong() > 100);
        assertEquals(200, get(url("/api/items/" + item.get("id").asLong())).statusCode());
        assertEquals(400, post(url("/api/items"), "{not json").statusCode());
    }

    @Test
    void tokenOpensApiMe() throws Exception {
        HttpResponse<String> login = post(url("/api/auth/token"), "{\"username\":\"ada\",\"password\":\"secret\"}");
        assertEquals(200, login.statusCode());
        String token = JSON.readTree(login.body()).get("access").asText();
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(url("/api/me")))
                .header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertEquals("ada", JSON.readTree(me.body()).get("username").asText());
    }

    @Test
    void badCredentialsOrTokensAre401() throws Exception {
        assertEquals(401, post(url("/api/auth/token"), "{\"username\":\"ada\",\"password\":\"\"}").statusCode());
        assertEquals(401, get(url("/api/me")).statusCode());
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(url("/api/me")))
                .header("Authorization", "Bearer YWRh.1.Zm9yZ2Vk").build(), BodyHandlers.ofString());
        assertEquals(401, forged.statusCode());
    }

    @Test
    void utilityEndpoints() throws Exception {
        assertEquals(418, get(url("/status/418")).statusCode());
        assertEquals(1234, get(url("/bytes/1234")).body().length());
        assertEquals(404, get(url("/nothing/here")).statusCode());
        assertTrue(get(url("/")).body().contains("/api/items"));
        HttpResponse<String> redirect = get(url("/redirect/2"));
        assertEquals(302, redirect.statusCode(), "the JDK client does not follow redirects by default");
        assertEquals("/redirect/1", redirect.headers().firstValue("location").orElseThrow());
    }

    @Test
    void delayAnswersLater() throws Exception {
        long start = System.nanoTime();
        assertEquals(200, get(url("/delay?ms=100")).statusCode());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 100);
    }

    @Test
    void gzipEndpointIsGzipEncoded() throws Exception {
        HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(URI.create(url("/gzip"))).build(),
                BodyHandlers.ofByteArray());
        assertEquals("gzip", res.headers().firstValue("content-encoding").orElseThrow());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(res.body()))) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"gzipped\":true"));
        }
    }

    @Test
    void errorRateOneFailsEverythingButHealth() throws Exception {
        try (DemoServer failing = DemoServer.start(DemoOptions.defaults().withErrorRate(1.0))) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> res = get(failing.baseUrl() + "/api/items/1");
                assertEquals(500, res.statusCode());
                assertEquals("{\"error\":\"injected\"}", res.body());
            }
            assertEquals(200, get(failing.baseUrl() + "/health").statusCode());
        }
    }

    @Test
    void latencyIsInjectedEverywhereButHealth() throws Exception {
        try (DemoServer slow = DemoServer.start(DemoOptions.defaults().withLatencyMs(150))) {
            long start = System.nanoTime();
            assertEquals(200, get(slow.baseUrl() + "/api/items/1").statusCode());
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 150);
            start = System.nanoTime();
            assertEquals(200, get(slow.baseUrl() + "/health").statusCode());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 150);
        }
    }

    @Test
    void takenPortFailsWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DemoServer.start(DemoOptions.defaults().withPort(demo.port())).close());
        assertTrue(e.getMessage().contains(String.valueOf(demo.port())), e.getMessage());
    }

    @Test
    void invalidOptionsAreAllReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoServer.start(new DemoOptions("127.0.0.1", -1, -5, 2)).close());
        assertTrue(e.getMessage().contains("demo.port") && e.getMessage().contains("demo.latencyMs")
                && e.getMessage().contains("demo.errorRate"), e.getMessage());
    }
}
