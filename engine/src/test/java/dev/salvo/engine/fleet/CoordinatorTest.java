package dev.salvo.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The coordinator and its clients over a real loopback WebSocket, in one process. */
class CoordinatorTest {
    private static final Duration T = Duration.ofSeconds(10);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Coordinator coordinator(int shards, String token) throws Exception {
        return Coordinator.start(new Coordinator.Options("127.0.0.1", 0, shards, token, null, "aaaa", false,
                new PrintStream(console, true, StandardCharsets.UTF_8)));
    }

    private static ObjectNode hello(int index, int count, String sha, String token) {
        ObjectNode h = FleetWire.message("hello").put("segment", index + "/" + count).put("index", index).put("count", count)
                .put("scriptSha256", sha).put("name", "test " + index);
        if (token != null) h.put("token", token);
        h.putObject("plan").putObject("options").putObject("thresholds").putArray("http_reqs").addObject()
                .put("threshold", "count<100").put("abortOnFail", true);
        return h;
    }

    @Test
    void refusesAWrongTokenAnotherScriptAndATakenSegment() throws Exception {
        try (Coordinator c = coordinator(2, "secret")) {
            var wrong = assertThrows(FleetClient.RefusedException.class, () -> FleetClient.connect(c.url(), hello(0, 2, "aaaa", "guess"), T));
            assertTrue(wrong.getMessage().contains("token"), wrong.getMessage());
            var other = assertThrows(FleetClient.RefusedException.class, () -> FleetClient.connect(c.url(), hello(0, 2, "bbbb", "secret"), T));
            assertTrue(other.getMessage().startsWith("different scripts"), other.getMessage());
            var count = assertThrows(FleetClient.RefusedException.class, () -> FleetClient.connect(c.url(), hello(0, 3, "aaaa", "secret"), T));
            assertTrue(count.getMessage().contains("runs 2 shards"), count.getMessage());
            try (FleetClient first = FleetClient.connect(c.url(), hello(0, 2, "aaaa", "secret"), T)) {
                assertEquals("aaaa", first.welcome().path("scriptSha256").asText());
                var taken = assertThrows(FleetClient.RefusedException.class, () -> FleetClient.connect(c.url(), hello(0, 2, "aaaa", "secret"), T));
                assertTrue(taken.getMessage().contains("already taken by test 0"), taken.getMessage());
            }
        }
    }

    @Test
    void releasesTheFleetTogetherSumsItAndStopsEveryShardWhenTheSumBreachesAnAbortOnFailThreshold() throws Exception {
        try (Coordinator c = coordinator(2, null);
             FleetClient a = FleetClient.connect(c.url(), hello(0, 2, "aaaa", null), T);
             FleetClient b = FleetClient.connect(c.url(), hello(1, 2, "aaaa", null), T)) {
            assertNull(a.awaitStart(() -> false));
            assertNull(b.awaitStart(() -> false));
            // 60 + 60 requests: each shard alone is under count<100, the fleet is not
            a.send(FleetWire.interval(0, interval(60, 5.0)));
            b.send(FleetWire.interval(0, interval(60, 7.0)));
            long until = System.nanoTime() + T.toNanos();
            while ((a.stopped() == null || b.stopped() == null) && System.nanoTime() < until) Thread.sleep(20);
            assertTrue(a.stopped().startsWith("abortOnFail over the fleet: http_reqs count<100"), a.stopped());
            assertTrue(b.stopped() != null);
            assertTrue(a.deliver(FleetWire.message("result").put("exit", 99).put("summary", "{}").put("hlog", ""), T));
            b.close(); // lost before it delivered
            Coordinator.Outcome o = c.await();
            assertTrue(o.thresholdAbort().startsWith("http_reqs count<100"), o.thresholdAbort());
            assertEquals(2, o.shards().size());
            assertTrue(o.shards().get(0).result() != null);
            assertEquals("its connection closed", o.shards().get(1).lost());
            assertEquals(List.of(60L, 60L), List.of(o.history().get(0L)[0], o.history().get(0L)[1]));
        }
        String log = console.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("second 1: 120 requests (60 + 60)"), log);
        assertTrue(log.contains("LOST segment 1/2 (test 1)"), log);
    }

    @Test
    void theWebUisViewGetsEachFleetSecondTheSegmentsStatesAndAStopOnPurpose() throws Exception {
        List<Interval> seconds = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] code = {-1};
        try (Coordinator c = coordinator(2, null)) {
            c.onSecond(seconds::add);
            assertEquals(List.of("absent", "absent"), c.status().segments().stream().map(Coordinator.SegmentStatus::state).toList());
            assertTrue(!c.stop("stopped from the web UI"), "nothing to stop before the start");
            try (FleetClient a = FleetClient.connect(c.url(), hello(0, 2, "aaaa", null), T)) {
                assertEquals("waiting", c.status().segments().get(0).state());
                assertEquals("test 0", c.status().segments().get(0).name());
                try (FleetClient b = FleetClient.connect(c.url(), hello(1, 2, "aaaa", null), T)) {
                    assertNull(a.awaitStart(() -> false));
                    assertNull(b.awaitStart(() -> false));
                    a.onStop((reason, k) -> code[0] = k);
                    a.send(FleetWire.interval(0, interval(30, 5.0)));
                    b.send(FleetWire.interval(0, interval(40, 7.0)));
                    long until = System.nanoTime() + T.toNanos();
                    while (seconds.isEmpty() && System.nanoTime() < until) Thread.sleep(20);
                    Aggregate reqs = seconds.get(0).series().stream().filter(x -> x.metric().name().equals("http_reqs")).findFirst().orElseThrow();
                    assertEquals(70, reqs.sum(), "the fleet's first second is both shards' first");
                    assertTrue(c.status().started());
                    assertEquals(1, c.status().segments().get(1).seconds());
                }
                // b is lost; a is stopped on purpose from the page
                long until = System.nanoTime() + T.toNanos();
                while (!c.status().segments().get(1).state().equals("lost") && System.nanoTime() < until) Thread.sleep(20);
                assertEquals("its connection closed", c.status().segments().get(1).lost());
                assertTrue(c.stop("stopped from the web UI"));
                assertTrue(!c.stop("stopped from the web UI"), "once");
                assertEquals("stopped from the web UI", c.status().stopping());
                while (a.stopped() == null && System.nanoTime() < until) Thread.sleep(20);
                assertEquals("stopped from the web UI", a.stopped());
                assertEquals(FleetWire.STOP_ON_REQUEST, code[0]);
                assertTrue(a.deliver(FleetWire.message("result").put("exit", 0).put("summary", "{}").put("hlog", ""), T));
            }
            Coordinator.Outcome o = c.await();
            assertEquals("stopped from the web UI", o.stoppedBy());
            assertNull(o.thresholdAbort());
            assertEquals("done", c.status().segments().get(0).state());
        }
    }

    @Test
    void anIntervalCrossesTheWireWithItsExactHistogram() {
        Interval i = interval(1000, 3.0);
        List<Aggregate> back = FleetWire.series(FleetWire.interval(7, i));
        Aggregate trend = back.stream().filter(x -> x.metric().type() == MetricType.TREND).findFirst().orElseThrow();
        assertEquals(i.series().get(1).histogram(), trend.histogram());
        assertEquals(1000, trend.count());
        assertEquals(1000, FleetWire.requests(back));
        assertEquals(Tags.of("name", "get"), trend.tags());
    }

    /** {@code n} requests of {@code ms} each, plus one recorded 10x slower, in one period. */
    private static Interval interval(int n, double ms) {
        Metric reqs = new Metric("http_reqs", MetricType.COUNTER, false);
        Metric duration = new Metric("http_req_duration", MetricType.TREND, true);
        Histogram h = new Histogram(3);
        for (int k = 0; k < n - 1; k++) h.recordValue((long) (ms * 1000));
        h.recordValue((long) (ms * 10_000));
        Tags tags = Tags.of("name", "get");
        return new Interval(0, 1000, List.of(Aggregate.counter(reqs, tags, n, n),
                Aggregate.trend(duration, tags, n, ms * (n + 9), ms, ms * 10, h)));
    }
}
