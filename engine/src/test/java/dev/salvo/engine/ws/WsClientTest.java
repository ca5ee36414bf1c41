package dev.salvo.engine.ws;

import dev.salvo.engine.demo.DemoTargetTest;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.report.ErrorCodes;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/** The WebSocket client against the demo target's real sockets on loopback. */
class WsClientTest extends DemoTargetTest {
    private static EventLoopGroup group;
    private static EventLoop loop;
    private final Metrics metrics = new Metrics();

    @BeforeAll
    static void start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Records every event; {@code onOpen} runs on the loop when the handshake succeeds. */
    private static final class Recorder implements WsListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<WsHandshake> handshake = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final Consumer<String> onText;
        boolean offLoop;

        Recorder(Consumer<String> onText) {
            this.onText = onText;
        }

        @Override
        public void onHandshake(WsHandshake h) {
            offLoop |= !loop.inEventLoop();
            handshake.complete(h);
        }

        @Override
        public void onText(String text) {
            offLoop |= !loop.inEventLoop();
            events.add("text:" + text);
            onText.accept(text);
        }

        @Override
        public void onError(int code, String message) {
            events.add("error:" + code);
        }

        @Override
        public void onPong() {
            events.add("pong");
        }

        @Override
        public void onClose(int code, String reason) {
            offLoop |= !loop.inEventLoop();
            closed.complete(code);
        }
    }

    private WsClient client() {
        return new WsClient(loop, metrics, Tags.of("scenario", "test"));
    }

    private WsSocket connect(WsClient client, WsParams params, Recorder r) throws Exception {
        return loop.submit(() -> client.connect(params, r)).get(5, TimeUnit.SECONDS);
    }

    private double sum(String metric, String tag, String value) {
        return metrics.aggregates().stream().filter(a -> a.metric().name().equals(metric))
                .filter(a -> tag == null || value.equals(a.tags().get(tag))).mapToDouble(a -> a.metric().type() == MetricType.COUNTER ? a.sum() : a.count()).sum();
    }

    @Test
    void echoesTextAndClosesNormallyOnTheVusLoop() throws Exception {
        WsSocket[] socket = new WsSocket[1];
        Recorder r = new Recorder(text -> socket[0].close(1000, "bye"));
        socket[0] = connect(client(), WsParams.of(demo.wsUrl() + "/ws/echo"), r);
        assertEquals(101, r.handshake.get(5, TimeUnit.SECONDS).status());
        loop.execute(() -> {
            socket[0].ping();
            socket[0].send("hello");
        });
        assertEquals(1000, r.closed.get(5, TimeUnit.SECONDS));
        assertTrue(r.events.contains("text:hello"), r.events.toString());
        assertFalse(r.offLoop, "every callback runs on the VU's loop");
        assertEquals(1, sum("ws_sessions", null, null));
        assertEquals(1, sum("ws_msgs_sent", null, null));
        assertEquals(1, sum("ws_msgs_received", null, null));
        assertEquals(1, sum("ws_connecting", "status", "101"));
        assertEquals(1, sum("ws_session_duration", null, null));
        assertEquals(1, sum("ws_ping", null, null));
        assertTrue(sum("data_received", null, null) > 120, "the handshake and frames count as data");
    }

    @Test
    void tickerPushesTicksWithTheServersTimestampAndDropsAsAsked() throws Exception {
        Recorder r = new Recorder(text -> { });
        connect(client(), WsParams.of(demo.wsUrl() + "/ws/ticker?symbols=A,B&interval=10&dropAfter=4"), r);
        assertEquals(1006, r.closed.get(5, TimeUnit.SECONDS));
        assertEquals(5, r.events.size(), r.events.toString());
        assertTrue(r.events.get(0).matches("text:\\{\"symbol\":\"A\",\"seq\":1,\"price\":[0-9.]+,\"ts\":\\d{13}}"), r.events.get(0));
        assertEquals("error:" + WsErrorCodes.CLOSED_ABNORMALLY, r.events.get(4));
    }

    @Test
    void aCloseCodeFromTheServerIsKeptAndIsNoError() throws Exception {
        Recorder r = new Recorder(text -> { });
        connect(client(), WsParams.of(demo.wsUrl() + "/ws/ticker?interval=5&dropAfter=1&drop=4001"), r);
        assertEquals(4001, r.closed.get(5, TimeUnit.SECONDS));
        assertEquals(0, sum("ws_errors", null, null));
    }

    @Test
    void aServerClosingMidMessageIsAnAbnormalClose() throws Exception {
        Recorder r = new Recorder(text -> { });
        connect(client(), WsParams.of(demo.wsUrl() + "/ws/ticker?interval=5&dropAfter=2&drop=mid"), r);
        assertEquals(1006, r.closed.get(5, TimeUnit.SECONDS));
        assertEquals(2, r.events.stream().filter(e -> e.startsWith("text:")).count());
        assertEquals(1, sum("ws_errors", "error_code", "1703"));
    }

    @Test
    void aRefusedUpgradeKeepsItsStatus() throws Exception {
        Recorder r = new Recorder(text -> { });
        connect(client(), WsParams.of(demo.wsUrl() + "/ws/ticker?auth=1"), r);
        WsHandshake h = r.handshake.get(5, TimeUnit.SECONDS);
        assertEquals(401, h.status());
        assertEquals(WsErrorCodes.HANDSHAKE_REFUSED, h.errorCode());
        assertNotNull(h.error());
        r.closed.get(5, TimeUnit.SECONDS);
        assertEquals(1, sum("ws_errors", "error_code", "1700"));
        assertEquals(0, sum("ws_sessions", null, null));
    }

    @Test
    void aRefusedConnectionHasStatusZero() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Recorder r = new Recorder(text -> { });
        connect(client(), WsParams.of("ws://127.0.0.1:" + port + "/ws/echo"), r);
        WsHandshake h = r.handshake.get(5, TimeUnit.SECONDS);
        assertEquals(0, h.status());
        assertEquals(1212, h.errorCode());
        assertEquals(1006, r.closed.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aServerThatNeverAnswersTimesTheHandshakeOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // the kernel accepts, nobody answers
            WsParams p = WsParams.of("ws://127.0.0.1:" + silent.getLocalPort() + "/");
            p = new WsParams(p.url(), p.headers(), p.subprotocols(), false, java.time.Duration.ofMillis(300),
                    p.maxMessageSize(), p.tags(), null);
            Recorder r = new Recorder(text -> { });
            connect(client(), p, r);
            WsHandshake h = r.handshake.get(5, TimeUnit.SECONDS);
            assertEquals(0, h.status());
            assertEquals(WsErrorCodes.HANDSHAKE_TIMEOUT, h.errorCode());
            assertTrue(h.error().contains("handshake"), h.error());
            assertEquals("websocket handshake timeout", ErrorCodes.describe("1701"));
            assertEquals(1006, r.closed.get(5, TimeUnit.SECONDS));
            assertEquals(1, sum("ws_errors", "error_code", "1701"));
        }
    }

    @Test
    void anOversizedMessageClosesWith1009AndIsCountedAlsoWhenCompressed() throws Exception {
        WsParams p = WsParams.of(demo.wsUrl() + "/ws/echo");
        p = new WsParams(p.url(), p.headers(), p.subprotocols(), true, p.timeout(), 1024, p.tags(), null);
        Recorder r = new Recorder(text -> { });
        WsSocket socket = connect(client(), p, r);
        r.handshake.get(5, TimeUnit.SECONDS);
        loop.execute(() -> socket.send("x".repeat(4000)));
        assertEquals(1009, r.closed.get(5, TimeUnit.SECONDS));
        assertEquals(1, sum("ws_errors", "error_code", "1702"));
        loop.submit(() -> socket.send("late")).get();
        assertEquals(1, sum("ws_errors", "error_code", "1705"), "send after close is counted");
    }

    @Test
    void socketsLeftOpenAreClosedAndCountedWhenTheVuEnds() throws Exception {
        WsClient client = client();
        Recorder r = new Recorder(text -> { });
        connect(client, WsParams.of(demo.wsUrl() + "/ws/echo"), r);
        r.handshake.get(5, TimeUnit.SECONDS);
        assertEquals(1, loop.submit(client::openSockets).get());
        client.close();
        assertEquals(1001, r.closed.get(5, TimeUnit.SECONDS));
        assertEquals(1, sum("ws_errors", "error_code", "1706"));
        assertEquals(0, loop.submit(client::openSockets).get());
    }
}
