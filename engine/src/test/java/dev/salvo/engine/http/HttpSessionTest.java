package dev.salvo.engine.http;

import dev.salvo.engine.demo.DemoTargetTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSessionTest extends DemoTargetTest {
    private SessionFixture fx;

    @BeforeEach
    void openSession() {
        fx = new SessionFixture();
    }

    @AfterEach
    void closeSession() {
        fx.close();
    }

    private static String url(String path) {
        return demo.baseUrl() + path;
    }

    @Test
    void sequentialRequestsReuseOneKeepAliveConnection() throws Exception {
        long before = demo.connectionsAccepted();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, fx.get(url("/health")).status());
        }
        assertEquals(1, demo.connectionsAccepted() - before);
        assertEquals(1, fx.openConnections());
    }

    @Test
    void concurrentRequestsOpenSeparateConnections() throws Exception {
        long before = demo.connectionsAccepted();
        List<CompletableFuture<HttpResponse>> inFlight = fx.loop.submit(() -> {
            List<CompletableFuture<HttpResponse>> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(fx.session.send(HttpRequest.of("GET", URI.create(url("/delay?ms=100")))));
            }
            return all;
        }).get(5, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse> f : inFlight) {
            assertEquals(200, f.get(5, TimeUnit.SECONDS).status());
        }
        assertEquals(3, demo.connectionsAccepted() - before);
        assertEquals(3, fx.openConnections());
    }

    @Test
    void manyConcurrentRoundsAllCompleteOnAFewReusedConnections() throws Exception {
        long before = demo.connectionsAccepted();
        for (int round = 0; round < 10; round++) {
            List<CompletableFuture<HttpResponse>> inFlight = fx.loop.submit(() -> {
                List<CompletableFuture<HttpResponse>> all = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    all.add(fx.session.send(HttpRequest.of("GET", URI.create(url("/api/items?size=20")))));
                }
                return all;
            }).get(5, TimeUnit.SECONDS);
            for (CompletableFuture<HttpResponse> f : inFlight) {
                assertEquals(200, f.get(5, TimeUnit.SECONDS).status());
            }
        }
        assertTrue(demo.connectionsAccepted() - before <= 20, "connections " + (demo.connectionsAccepted() - before));
        assertEquals(200, fx.seen.size());
    }

    @Test
    void followsRedirectsAndReportsEveryHop() throws Exception {
        HttpResponse res = fx.get(url("/redirect/3"));
        assertEquals(200, res.status());
        assertEquals(url("/redirect/0"), res.url());
        assertEquals("{\"redirected\":true}", new String(res.body(), StandardCharsets.UTF_8));
        assertEquals(4, fx.seen.size());
        assertEquals(List.of(302, 302, 302, 200), fx.seen.stream().map(s -> s.response().status()).toList());
        assertEquals(url("/redirect/1"), fx.seen.get(2).request().url().toString());
        assertTrue(fx.seen.stream().allMatch(SessionFixture.Seen::onLoop), "listener runs on the event loop");
    }

    @Test
    void stopsAtMaxRedirectsAndReturnsTheLastRedirect() throws Exception {
        HttpResponse res = fx.send(new HttpRequest("GET", URI.create(url("/redirect/5")), List.of(), null, null, 2,
                false, Map.of()));
        assertEquals(302, res.status());
        assertEquals("/redirect/2", res.header("location"));
        assertEquals(3, fx.seen.size());
    }

    @Test
    void timeoutEndsTheExchangeWithCode1050() throws Exception {
        long start = System.nanoTime();
        HttpResponse res = fx.send(new HttpRequest("GET", URI.create(url("/delay?ms=2000")), List.of(), null,
                Duration.ofMillis(200), 10, false, Map.of()));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(0, res.status());
        assertEquals(HttpErrorCodes.REQUEST_TIMEOUT, res.errorCode());
        assertEquals("request timeout", res.error());
        assertTrue(elapsedMs < 1500, "took " + elapsedMs + " ms");
        assertEquals(0, fx.openConnections(), "the timed-out connection is closed");
    }

    @Test
    void requestsInFlightTogetherTimeOutEachAtItsOwnDeadline() throws Exception {
        // A session arms one timer for the earliest deadline: a later, longer timeout must not delay an
        // earlier one, and a timeout must not end an exchange whose own deadline is still ahead.
        HttpRequest slowLong = new HttpRequest("GET", URI.create(url("/delay?ms=700")), List.of(), null,
                Duration.ofSeconds(5), 10, false, Map.of());
        HttpRequest stuckShort = new HttpRequest("GET", URI.create(url("/delay?ms=3000")), List.of(), null,
                Duration.ofMillis(200), 10, false, Map.of());
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse>> both = fx.loop.submit(() -> List.of(fx.session.send(slowLong),
                fx.session.send(stuckShort))).get(5, TimeUnit.SECONDS);
        HttpResponse shortOne = both.get(1).get(5, TimeUnit.SECONDS);
        long shortMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(HttpErrorCodes.REQUEST_TIMEOUT, shortOne.errorCode());
        assertTrue(shortMs >= 150 && shortMs < 650, "the 200 ms timeout ended it after " + shortMs + " ms");
        assertEquals(200, both.get(0).get(5, TimeUnit.SECONDS).status(), "the 5 s timeout is still ahead");

        long again = System.nanoTime();
        HttpResponse later = fx.send(stuckShort);
        long laterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again);
        assertEquals(HttpErrorCodes.REQUEST_TIMEOUT, later.errorCode());
        assertTrue(laterMs >= 150 && laterMs < 650, "a new exchange gets its own deadline: " + laterMs + " ms");
    }

    @Test
    void postSendsTheJsonBodyAndGets201() throws Exception {
        byte[] json = "{\"name\":\"widget\",\"price\":9.5}".getBytes(StandardCharsets.UTF_8);
        HttpResponse res = fx.send(new HttpRequest("POST", URI.create(url("/api/items")),
                List.of(new Header("Content-Type", "application/json")), json, null, 10, false, Map.of()));
        assertEquals(201, res.status());
        String body = new String(res.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"name\":\"widget\"") && body.contains("\"price\":9.5") && body.contains("\"id\":"),
                body);
    }

    @Test
    void missingItemIs404() throws Exception {
        HttpResponse res = fx.get(url("/api/items/999999"));
        assertEquals(404, res.status());
        assertEquals("{\"error\":\"not found\"}", new String(res.body(), StandardCharsets.UTF_8));
        assertNull(res.error());
        assertEquals(0, res.errorCode());
    }

    @Test
    void gzipBodyIsDecoded() throws Exception {
        HttpResponse res = fx.get(url("/gzip"));
        assertEquals(200, res.status());
        assertEquals("{\"gzipped\":true,\"message\":\"this body was gzip-encoded by the demo target\"}",
                new String(res.body(), StandardCharsets.UTF_8));
    }

    @Test
    void gzipResponseKeepsTheServersContentEncodingHeader() throws Exception {
        HttpResponse res = fx.get(url("/gzip"));
        assertEquals("gzip", res.header("content-encoding"));
        assertTrue(res.header("content-length") != null, "the wire Content-Length is kept");
        assertTrue(res.header("transfer-encoding") == null, "no chunking invented by the decoder");
    }

    @Test
    void closingTheSessionEndsExchangesInFlight() throws Exception {
        CompletableFuture<HttpResponse> slow = fx.sendAsync(HttpRequest.of("GET", URI.create(url("/delay?ms=3000"))));
        Thread.sleep(100);
        fx.session.close();
        HttpResponse res = slow.get(2, TimeUnit.SECONDS);
        assertEquals(0, res.status());
        assertEquals(HttpErrorCodes.INTERRUPTED, res.errorCode());
        assertEquals("request cut short: the run stopped (session closed)", res.error());
        assertEquals(0, fx.openConnections());
        HttpResponse after = fx.get(url("/health"));
        assertEquals(HttpErrorCodes.INTERRUPTED, after.errorCode());
        assertEquals("request cut short: the run stopped (session closed)", after.error());
    }

    @Test
    void timingsCoverTheServerDelay() throws Exception {
        HttpResponse res = fx.get(url("/delay?ms=50"));
        Timings t = res.timings();
        assertEquals(200, res.status());
        assertTrue(t.duration() >= 50, "duration " + t.duration());
        assertTrue(t.waiting() >= 45, "waiting " + t.waiting());
        assertEquals(t.sending() + t.waiting() + t.receiving(), t.duration(), 1e-9);
        assertTrue(t.blocked() >= 0 && t.connecting() >= 0 && t.sending() >= 0 && t.receiving() >= 0);
        assertEquals(0, t.tlsHandshaking());
        assertEquals("HTTP/1.1", res.proto());
    }

    @Test
    void countsWireBytesBothWays() throws Exception {
        HttpResponse res = fx.get(url("/bytes/1000"));
        assertEquals(1000, res.body().length);
        assertTrue(res.bytesSent() > 40, "sent " + res.bytesSent());
        assertTrue(res.bytesReceived() > 1000, "received " + res.bytesReceived());
    }

    @Test
    void discardBodyKeepsNoBodyButCountsIt() throws Exception {
        HttpResponse res = fx.send(new HttpRequest("GET", URI.create(url("/bytes/5000")), List.of(), null, null, 10,
                true, Map.of()));
        assertEquals(200, res.status());
        assertEquals(0, res.body().length);
        assertTrue(res.bytesReceived() > 5000);
    }

    @Test
    void sendsDefaultHeadersAndTagsReachTheListener() throws Exception {
        HttpResponse res = fx.send(new HttpRequest("GET", URI.create(url("/bytes/3")), List.of(), null, null, 10,
                false, Map.of("name", "three")));
        assertEquals(200, res.status());
        assertEquals("3", res.header("content-length"));
        assertEquals(Map.of("name", "three"), fx.seen.get(0).request().tags());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), res.body());
    }
}
