package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the client puts on the wire, seen by a raw server. */
class HttpSessionWireTest {
    private final SessionFixture fx = new SessionFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void sendsHostUserAgentAcceptEncodingAndContentLength() throws Exception {
        CompletableFuture<List<String>> head = new CompletableFuture<>();
        try (ScriptedServer server = new ScriptedServer(conn -> {
            head.complete(conn.readHead());
            conn.write(ScriptedServer.OK);
        })) {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            URI url = URI.create(server.url("/p?q=1"));
            assertEquals(200, fx.send(new HttpRequest("POST", url, List.of(), body, null, 10, false, Map.of())).status());
            List<String> lines = head.get(5, TimeUnit.SECONDS);
            assertEquals("POST /p?q=1 HTTP/1.1", lines.get(0));
            assertTrue(lines.stream().anyMatch(l -> l.equalsIgnoreCase("host: 127.0.0.1:" + url.getPort())), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.equalsIgnoreCase("user-agent: salvo-test/1.0")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.equalsIgnoreCase("accept-encoding: gzip, deflate, br, zstd")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.equalsIgnoreCase("content-length: 5")), lines.toString());
        }
    }

    @Test
    void requestHeadersOverrideTheDefaults() throws Exception {
        CompletableFuture<List<String>> head = new CompletableFuture<>();
        try (ScriptedServer server = new ScriptedServer(conn -> {
            head.complete(conn.readHead());
            conn.write(ScriptedServer.OK);
        })) {
            List<Header> headers = List.of(new Header("User-Agent", "mine"), new Header("Accept-Encoding", "identity"));
            fx.send(new HttpRequest("GET", URI.create(server.url("/")), headers, null, null, 10, false, Map.of()));
            List<String> lines = head.get(5, TimeUnit.SECONDS);
            assertTrue(lines.stream().anyMatch(l -> l.equalsIgnoreCase("user-agent: mine")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.equalsIgnoreCase("accept-encoding: identity")), lines.toString());
            assertEquals(1, lines.stream().filter(l -> l.toLowerCase().startsWith("user-agent:")).count());
        }
    }

    @Test
    void localhostResolvesWithoutBlockingTheLoop() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoOptions.defaults())) {
            HttpResponse res = fx.get("http://localhost:" + demo.port() + "/health");
            assertEquals(200, res.status(), res.error());
        }
    }

    @Test
    void discardResponseBodiesConfigDropsEveryBody() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoOptions.defaults());
                SessionFixture discarding = new SessionFixture(
                        new HttpConfig("salvo-test/1.0", true, HttpConfig.DEFAULT_CONNECT_TIMEOUT))) {
            HttpResponse res = discarding.get(demo.baseUrl() + "/api/items");
            assertEquals(200, res.status());
            assertEquals(0, res.body().length);
            assertTrue(res.bytesReceived() > 100);
        }
    }
}
