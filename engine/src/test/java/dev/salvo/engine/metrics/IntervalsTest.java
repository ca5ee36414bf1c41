package dev.salvo.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    private static Aggregate of(List<Aggregate> intervals, String name) {
        return intervals.stream().filter(a -> a.metric().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void intervalsAreDeltasWhoseSumIsTheTotal() {
        Metrics metrics = new Metrics();
        Metric c = Metric.counter("reqs");
        Metric r = Metric.rate("failed");
        Metric t = Metric.trend("latency", true);
        Metric g = Metric.gauge("vus");
        Histogram sum = new Histogram(3);
        double counted = 0;
        long passes = 0;
        for (int second = 0; second < 3; second++) {
            for (int i = 1; i <= 100; i++) {
                metrics.add(c, Tags.EMPTY, 2);
                metrics.add(r, Tags.EMPTY, i % 10 == 0 ? 1 : 0);
                metrics.add(t, Tags.EMPTY, i * (second + 1));
            }
            metrics.add(g, Tags.EMPTY, second + 5);
            // another thread reading totals in between must not steal samples from the interval
            metrics.aggregates();
            List<Aggregate> interval = metrics.takeIntervals();
            assertEquals(100, of(interval, "reqs").count());
            assertEquals(200, of(interval, "reqs").sum(), 1e-9);
            assertEquals(10, of(interval, "failed").passes());
            assertEquals(100, of(interval, "failed").count());
            Aggregate lat = of(interval, "latency");
            assertEquals(100, lat.count());
            assertEquals(100.0 * (second + 1), lat.max(), 0.1 * (second + 1));
            assertEquals(second + 5, of(interval, "vus").last(), 1e-9);
            sum.add(lat.histogram());
            counted += of(interval, "reqs").sum();
            passes += of(interval, "failed").passes();
        }
        List<Aggregate> totals = new ArrayList<>(metrics.aggregates());
        assertEquals(counted, of(totals, "reqs").sum(), 1e-9);
        assertEquals(passes, of(totals, "failed").passes());
        assertEquals(sum, of(totals, "latency").histogram());
        assertEquals(0, of(metrics.takeIntervals(), "latency").count(), "nothing new since the last interval");
    }

    @Test
    void samplerPublishesTheLastPartialIntervalOnClose() {
        Metrics metrics = new Metrics();
        Metric c = Metric.counter("reqs");
        List<Interval> seen = new ArrayList<>();
        try (Sampler s = new Sampler(metrics, 60_000, () -> { }, List.of(seen::add))) {
            metrics.add(c, Tags.EMPTY, 3);
        }
        assertEquals(1, seen.size());
        assertEquals(3, of(seen.get(0).series(), "reqs").sum(), 1e-9);
    }
}
