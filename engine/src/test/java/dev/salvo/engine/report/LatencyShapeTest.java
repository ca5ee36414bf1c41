package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.salvo.engine.metrics.Series;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyShapeTest {
    @Test
    void binsFollowOneTwoFiveUpToTheFirstEdgeAboveTheMax() {
        assertEquals(List.of(0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0), LatencyShape.edges(130));
        assertEquals(List.of(0.0, 0.1, 0.2, 0.5), LatencyShape.edges(0.3));
    }

    @Test
    void eachValueFallsInExactlyOneBin() {
        Histogram h = new Histogram(3);
        for (double ms : new double[] {0.5, 1, 1.9, 2, 4, 150}) h.recordValue((long) (ms * Series.SCALE));
        assertArrayEquals(new long[] {1, 2, 2, 0, 0, 0, 0, 1}, LatencyShape.histogram(h, LatencyShape.edges(150)));
    }
}
