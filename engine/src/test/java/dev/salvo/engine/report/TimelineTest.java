package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final Tags GET = Tags.of("name", "/a", "method", "GET", "status", "200", "expected_response", "true");

    /** One second with {@code n} requests of {@code ms} each, and a failed check. */
    private static void second(Timeline t, Metrics m, int s, int n, double ms) {
        for (int i = 0; i < n; i++) {
            m.add(BuiltinMetrics.HTTP_REQS, GET, 1);
            m.add(BuiltinMetrics.HTTP_REQ_DURATION, GET, ms);
            m.add(BuiltinMetrics.HTTP_REQ_FAILED, GET, 0);
        }
        m.add(BuiltinMetrics.CHECKS, Tags.of("check", "ok"), 0);
        t.onInterval(new Interval(s * 1000L, (s + 1) * 1000L, m.takeIntervals()));
    }

    @Test
    void anEightHourRunKeepsAtMostTwoThousandPointsWithItsCountsAndItsWorstSecond() {
        Timeline t = new Timeline();
        Metrics m = new Metrics();
        int seconds = 8 * 3600;
        for (int s = 0; s < seconds; s++) second(t, m, s, 2 + s % 3, s == 12_345 ? 900 : 10);
        long[] ends = t.ends();
        assertTrue(ends.length <= Timeline.MAX_POINTS && ends.length >= Timeline.MAX_POINTS / 2, "points: " + ends.length);
        assertEquals(seconds * 1000L, ends[ends.length - 1], "the last bucket ends with the run");
        assertEquals(seconds, Arrays.stream(t.seconds()).sum(), 1e-6, "every second is in one bucket");
        assertEquals(3 * seconds, Arrays.stream(t.values(Timeline.RUN, "reqs")).sum(), 1e-6, "no request lost or counted twice");
        assertEquals(seconds, Arrays.stream(t.values(Timeline.RUN, "checksFailed")).sum(), 1e-6);
        double[] max = t.values("GET /a", "max");
        assertEquals(900, Arrays.stream(max).max().orElse(0), 1, "the one slow second survives the thinning");
        assertEquals(1, Arrays.stream(max).filter(v -> v > 100).count(), "in one bucket");
    }

    @Test
    void aSecondWithoutRequestsIsAGapNotAZeroLatency() {
        Timeline t = new Timeline();
        Metrics m = new Metrics();
        second(t, m, 0, 5, 20);
        second(t, m, 1, 0, 0);
        second(t, m, 2, 5, 30);
        assertTrue(Double.isNaN(t.values(Timeline.RUN, "p95")[1]));
        assertEquals(List.of(1000L, 2000L, 3000L), Arrays.stream(t.ends()).boxed().toList());
        assertEquals(30, t.values("GET /a", "p99")[2], 0.1);
    }

    @Test
    void requestsBeyondTheHundredthCountInTheTotalsOnly() {
        Timeline t = new Timeline();
        Metrics m = new Metrics();
        for (int n = 0; n < 150; n++) {
            Tags tags = Tags.of("name", "/u/" + n, "method", "GET", "status", "200");
            m.add(BuiltinMetrics.HTTP_REQS, tags, 1);
            m.add(BuiltinMetrics.HTTP_REQ_DURATION, tags, 5);
        }
        t.onInterval(new Interval(0, 1000, m.takeIntervals()));
        assertEquals(150, t.values(Timeline.RUN, "reqs")[0]);
        assertEquals(150, t.values(Timeline.RUN, "count")[0]);
        long charted = java.util.stream.IntStream.range(0, 150).filter(n -> t.values("GET /u/" + n, "count") != null).count();
        assertEquals(Timeline.MAX_REQUESTS, charted);
    }
}
