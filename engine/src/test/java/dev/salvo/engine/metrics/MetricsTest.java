package dev.salvo.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static Aggregate only(Metrics metrics, String name) {
        List<Aggregate> found = metrics.aggregates().stream().filter(a -> a.metric().name().equals(name)).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void trendPercentilesAreExactToHdrHistogramPrecision() {
        Metrics metrics = new Metrics();
        Metric t = Metric.trend("latency", true);
        for (int i = 1; i <= 1000; i++) metrics.add(t, Tags.EMPTY, i); // 1 .. 1000 ms
        Aggregate a = only(metrics, "latency");
        assertEquals(1000, a.count());
        assertEquals(500.5, a.avg(), 1e-9);
        // Three significant digits: values are within 0.1 % of the true percentile.
        assertEquals(500, a.percentile(50), 500 * 1e-3);
        assertEquals(900, a.percentile(90), 900 * 1e-3);
        assertEquals(990, a.percentile(99), 990 * 1e-3);
        assertEquals(1, a.min(), 1e-3);
        assertEquals(1000, a.max(), 1000 * 1e-3);
    }

    @Test
    void trendMergesWhatSeveralThreadsRecordedWhileTheSamplerDrainsIntervals() throws Exception {
        Metrics metrics = new Metrics();
        Metric t = Metric.trend("latency", true);
        Series series = metrics.series(t, Tags.EMPTY);
        int perThread = 200_000;
        Thread[] writers = new Thread[3];
        for (int w = 0; w < writers.length; w++) {
            int value = w + 1; // thread w records only w+1 ms
            writers[w] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) series.add(value);
            });
            writers[w].start();
        }
        long drained = 0;
        while (java.util.Arrays.stream(writers).anyMatch(Thread::isAlive)) drained += metrics.takeIntervals().get(0).count();
        for (Thread w : writers) w.join();
        drained += metrics.takeIntervals().get(0).count();
        assertEquals(3L * perThread, drained, "every sample is in exactly one interval");
        Aggregate a = only(metrics, "latency");
        assertEquals(3L * perThread, a.count());
        assertEquals(2.0, a.avg(), 1e-9);
        assertEquals(1, a.min(), 1e-3);
        assertEquals(3, a.max(), 3e-3);
    }

    @Test
    void trendKeepsSubMillisecondValues() {
        Metrics metrics = new Metrics();
        Metric t = Metric.trend("fast", true);
        for (double v : new double[] {0.25, 0.5, 0.75}) metrics.add(t, Tags.EMPTY, v);
        Aggregate a = only(metrics, "fast");
        assertEquals(0.5, a.med(), 0.5 * 1e-3);
        assertEquals(0.25, a.min(), 0.25 * 1e-3);
    }

    @Test
    void trendClampsNegativeAndNonFiniteValuesInsteadOfThrowing() {
        Metrics metrics = new Metrics();
        Metric t = Metric.trend("odd", false);
        metrics.add(t, Tags.EMPTY, -5);
        metrics.add(t, Tags.EMPTY, Double.NaN);
        metrics.add(t, Tags.EMPTY, 7);
        Aggregate a = only(metrics, "odd");
        assertEquals(3, a.count());
        assertEquals(0, a.min(), 0);
    }

    @Test
    void seriesAreSeparatedByTagsAndMergeIntoOneTotal() {
        Metrics metrics = new Metrics();
        Metric c = Metric.counter("reqs");
        metrics.add(c, Tags.of("name", "a"), 1);
        metrics.add(c, Tags.of("name", "a"), 2);
        metrics.add(c, Tags.of("name", "b"), 4);
        List<Aggregate> series = metrics.aggregates().stream().filter(a -> a.metric().name().equals("reqs")).toList();
        assertEquals(2, series.size());
        Aggregate total = series.get(0).merge(series.get(1));
        assertEquals(7, total.sum(), 0);
        assertEquals(3, total.count());
    }

    @Test
    void rateCountsNonZeroSamples() {
        Metrics metrics = new Metrics();
        Metric r = Metric.rate("ok");
        for (int i = 0; i < 4; i++) metrics.add(r, Tags.EMPTY, i == 0 ? 0 : 1);
        assertEquals(0.75, only(metrics, "ok").rate(), 0);
    }

    @Test
    void redefiningAMetricWithTheSameTypeReturnsTheExistingOne() {
        Metrics metrics = new Metrics();
        Metric first = metrics.define(Metric.gauge("mem"));
        assertSame(first, metrics.define(Metric.gauge("mem")));
    }

    @Test
    void aDifferentTypeUnderAnExistingNameIsRefused() {
        Metrics metrics = new Metrics();
        metrics.define(Metric.counter("things"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> metrics.define(Metric.trend("things", false)));
        assertTrue(e.getMessage().contains("'things' is already defined as a counter, not a trend"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> metrics.add(Metric.rate("things"), Tags.EMPTY, 1));
        metrics.define(Metric.trend("took", true));
        assertThrows(IllegalArgumentException.class, () -> metrics.define(Metric.trend("took", false)), "time flag differs");
    }
}
