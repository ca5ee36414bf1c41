package dev.salvo.engine.sse;

import dev.salvo.engine.demo.DemoTargetTest;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The SSE client against the demo target's real streams on loopback; every bad input ends the stream, counted. */
class SseClientTest extends DemoTargetTest {
    private static EventLoopGroup group;
    private static EventLoop loop;
    private final Metrics metrics = new Metrics();
    private final SseClient client = new SseClient(loop, metrics, Tags.of("scenario", "test"), "salvo-test", null);

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static final class Recorder implements SseListener {
        final List<SseEvent> events = new CopyOnWriteArrayList<>();
        final List<Integer> errors = new CopyOnWriteArrayList<>();
        final CompletableFuture<SseResponse> end = new CompletableFuture<>();
        int opens;
        boolean offLoop;

        @Override
        public void onOpen(SseResponse response) {
            opens++;
            offLoop |= !loop.inEventLoop();
        }

        @Override
        public void onEvent(SseEvent event) {
            offLoop |= !loop.inEventLoop();
            events.add(event);
        }

        @Override
        public void onError(int code, String message) {
            errors.add(code);
        }

        @Override
        public void onEnd(SseResponse last) {
            offLoop |= !loop.inEventLoop();
            end.complete(last);
        }
    }

    private Recorder open(SseParams params) throws Exception {
        Recorder r = new Recorder();
        loop.submit(() -> client.open(params, r)).get(5, TimeUnit.SECONDS);
        return r;
    }

    private SseResponse ended(Recorder r) throws Exception {
        return r.end.get(10, TimeUnit.SECONDS);
    }

    private double sum(String metric, String tag, String value) {
        return metrics.aggregates().stream().filter(a -> a.metric().name().equals(metric))
                .filter(a -> tag == null || value.equals(a.tags().get(tag)))
                .mapToDouble(a -> a.metric().type() == MetricType.COUNTER ? a.sum() : a.count()).sum();
    }

    @Test
    void aFeedOfFiveEventsEndsCleanlyOnTheVusLoop() throws Exception {
        Recorder r = open(SseParams.of(demo.baseUrl() + "/sse?rate=200&count=5&event=tick"));
        SseResponse res = ended(r);
        assertEquals(200, res.status());
        assertNull(res.error(), res.toString());
        assertEquals(5, res.events());
        assertEquals(List.of("0", "1", "2", "3", "4"), r.events.stream().map(SseEvent::id).toList());
        assertEquals("tick", r.events.get(0).type());
        assertTrue(r.events.get(0).data().startsWith("{\"seq\":0,"), r.events.get(0).data());
        assertEquals("text/event-stream; charset=utf-8", res.headers().get("content-type").get(0));
        assertFalse(r.offLoop, "every callback runs on the VU's loop");
        assertEquals(5, sum("sse_events", null, null));
        assertEquals(4, sum("sse_event_gap", null, null), "a gap between each two events");
        assertEquals(1, sum("sse_time_to_first_event", null, null));
        assertEquals(1, sum("sse_connecting", "status", "200"));
        assertEquals(1, sum("sse_session_duration", null, null));
        assertEquals(0, sum("sse_errors", null, null));
        assertTrue(sum("data_received", null, null) > 200, "the headers and chunks count as data");
    }

    @Test
    void aResponseThatIsNoEventStreamIsCountedAndKeepsItsBody() throws Exception {
        SseResponse res = ended(open(SseParams.of(demo.baseUrl() + "/health")));
        assertEquals(SseErrorCodes.NOT_EVENT_STREAM, res.errorCode());
        assertTrue(res.error().contains("application/json"), res.error());
        assertEquals("{\"status\":\"ok\"}", res.body());
        assertEquals(1, sum("sse_errors", "error_code", "1800"));
    }

    @Test
    void aStatusOtherThan200IsCountedAndNotRetried() throws Exception {
        SseResponse res = ended(open(SseParams.of(demo.baseUrl() + "/status/503").withReconnect(3, 10)));
        assertEquals(503, res.status());
        assertEquals(SseErrorCodes.BAD_STATUS, res.errorCode());
        assertEquals(0, res.reconnects(), "the spec fails the connection: no reconnection");
        assertEquals(1, sum("sse_errors", "error_code", "1803"));
    }

    @Test
    void aStreamCutInTheMiddleOfAnEventIsCountedAndTheHalfEventIsDropped() throws Exception {
        Recorder r = open(SseParams.of(demo.baseUrl() + "/sse?rate=200&cutAfter=3&cut=mid"));
        SseResponse res = ended(r);
        assertEquals(SseErrorCodes.CUT_MID_EVENT, res.errorCode(), res.toString());
        assertEquals(2, r.events.size());
        assertEquals(1, sum("sse_errors", "error_code", "1801"));
    }

    @Test
    void anEventOverMaxEventSizeClosesTheStream() throws Exception {
        Recorder r = open(SseParams.of(demo.baseUrl() + "/sse?rate=200&size=5000").withMaxEventSize(1000));
        SseResponse res = ended(r);
        assertEquals(SseErrorCodes.EVENT_TOO_BIG, res.errorCode());
        assertEquals(0, r.events.size());
        assertEquals(1, sum("sse_errors", "error_code", "1802"));
    }

    @Test
    void reconnectsWithLastEventIdAndTheServersRetryTime() throws Exception {
        // each connection ends after 3 events; the server's retry (20 ms) wins over the client's 5 s
        Recorder r = open(SseParams.of(demo.baseUrl() + "/sse?rate=500&cutAfter=3&retry=20").withReconnect(2, 5000));
        SseResponse res = ended(r);
        assertEquals(2, res.reconnects());
        assertEquals(3, r.opens);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8"), r.events.stream().map(SseEvent::id).toList(),
                "each reconnection resumes after the last event ID");
        assertEquals("8", res.lastEventId());
        assertEquals(2, sum("sse_reconnects", null, null));
        assertEquals(1, sum("sse_time_to_first_event", null, null), "once per stream");
    }

    @Test
    void aPostOpensAStreamWithItsBody() throws Exception {
        byte[] body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":3,\"stream\":true}"
                .getBytes(StandardCharsets.UTF_8);
        SseParams p = SseParams.of(demo.baseUrl() + "/v1/chat/completions?ttft=10&itl=5")
                .withBody("POST", body, List.of(new Header("Content-Type", "application/json")));
        Recorder r = open(p);
        SseResponse res = ended(r);
        assertNull(res.error(), res.toString());
        assertEquals("[DONE]", r.events.getLast().data());
        assertEquals(6, r.events.size(), "role, 3 tokens, finish, [DONE]: " + r.events);
    }

    @Test
    void aRefusedConnectionEndsTheStreamWithTheHttpCode() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SseResponse res = ended(open(SseParams.of("http://127.0.0.1:" + port + "/sse")));
        assertEquals(1212, res.errorCode());
        assertEquals(0, res.status());
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndOneThatFallsSilentToo() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accept = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            SseParams p = SseParams.of("http://127.0.0.1:" + silent.getLocalPort() + "/sse")
                    .withTimeouts(Duration.ofMillis(300), null);
            assertEquals(SseErrorCodes.RESPONSE_TIMEOUT, ended(open(p)).errorCode());
            accept.interrupt();
        }
        SseParams idle = SseParams.of(demo.baseUrl() + "/sse?rate=100&stallEvery=1&stallMs=5000")
                .withTimeouts(null, Duration.ofMillis(300));
        Recorder r = open(idle);
        assertEquals(SseErrorCodes.IDLE_TIMEOUT, ended(r).errorCode());
        assertEquals(1, r.events.size());
    }

    @Test
    void anErrorResponseWhoseBodyStallsEndsAtTheTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread serve = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("HTTP/1.1 500 Oops\r\nContent-Length: 100\r\n\r\nhalf".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            SseParams p = SseParams.of("http://127.0.0.1:" + server.getLocalPort() + "/sse").withTimeouts(Duration.ofMillis(300), null);
            SseResponse res = ended(open(p));
            assertEquals(SseErrorCodes.BAD_STATUS, res.errorCode());
            assertEquals("half", res.body());
            serve.interrupt();
        }
    }

    @Test
    void streamsStillOpenAtTheEndAreClosedAndCounted() throws Exception {
        Recorder r = open(SseParams.of(demo.baseUrl() + "/sse?rate=50"));
        while (r.events.isEmpty()) Thread.sleep(10);
        assertEquals(1, loop.submit(client::openStreams).get());
        client.close();
        assertEquals(SseErrorCodes.OPEN_AT_END, ended(r).errorCode());
        assertEquals(0, loop.submit(client::openStreams).get());
        assertEquals(1, sum("sse_errors", "error_code", "1807"));
    }
}
