package dev.salvo.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaugeHistoryTest {
    @Test
    void aLongHistoryIsHalvedInPlaceKeepingItsFirstAndLastValuesCloseAndItsSlopeExact() {
        GaugeHistory h = new GaugeHistory();
        int n = GaugeHistory.MAX_POINTS * 3;
        for (int i = 0; i < n; i++) h.add(i * 1000L, 10 + 2.0 * i);
        assertTrue(h.size() <= GaugeHistory.MAX_POINTS, "size " + h.size());
        assertTrue(h.size() >= GaugeHistory.MAX_POINTS / 2, "size " + h.size());
        // 2 per second is 120 per minute, whatever the resolution
        assertEquals(120, h.slopePerMinute(), 1e-6);
        assertEquals(10 + 2.0 * (n - 1), h.last(), 1e-9);
        assertTrue(h.first() < 40, "first " + h.first()); // the average of the first few seconds
    }

    @Test
    void growthFromZeroIsInfiniteAndWithoutTwoPointsNaN() {
        assertTrue(Double.isNaN(GaugeHistory.of(new double[] {0}, new double[] {5}).growth(0)));
        assertEquals(Double.POSITIVE_INFINITY, GaugeHistory.of(new double[] {0, 1}, new double[] {0, 5}).growth(0));
        assertEquals(0, GaugeHistory.of(new double[] {0, 1}, new double[] {0, 0}).growth(0));
        assertEquals(-50, GaugeHistory.of(new double[] {0, 1}, new double[] {4, 2}).growth(0));
    }

    @Test
    void seriesMergeInTimeOrder() {
        GaugeHistory a = GaugeHistory.of(new double[] {0, 2000}, new double[] {1, 3});
        GaugeHistory b = GaugeHistory.of(new double[] {1000, 3000}, new double[] {2, 4});
        GaugeHistory m = a.merge(b);
        assertEquals(4, m.size());
        assertEquals(1, m.first());
        assertEquals(4, m.last());
        assertEquals(60, m.slopePerMinute(), 1e-9);
    }

    @Test
    void aGaugeKeepsOnePointPerSamplerPeriodWithValues() {
        Metrics metrics = new Metrics();
        Metric g = Metric.gauge("sut_rss");
        metrics.add(g, Tags.EMPTY, 1);
        metrics.add(g, Tags.EMPTY, 2);
        metrics.takeIntervals();
        metrics.takeIntervals(); // nothing new: no point
        metrics.add(g, Tags.EMPTY, 5);
        Aggregate a = metrics.aggregates().get(0);
        assertEquals(2, a.history().size());
        assertEquals(2, a.first());
        assertEquals(5, a.last());
    }
}
