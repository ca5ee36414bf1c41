package dev.salvo.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.GaugeHistory;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FleetSecondTest {
    private static final Metric REQS = new Metric("http_reqs", MetricType.COUNTER, false);
    private static final Metric VUS = new Metric("vus", MetricType.GAUGE, false);
    private static final Metric DURATION = new Metric("http_req_duration", MetricType.TREND, true);

    private static List<Aggregate> shardSecond(long requests, double vus, long... micros) {
        Histogram h = new Histogram(3);
        for (long m : micros) h.recordValue(m);
        return List.of(Aggregate.counter(REQS, Tags.of(Map.of()), requests, requests),
                Aggregate.gauge(VUS, Tags.of(Map.of()), 1, vus, vus, vus, GaugeHistory.EMPTY),
                Aggregate.trend(DURATION, Tags.of(Map.of()), micros.length, 0, 0, 0, h));
    }

    private static Aggregate series(Interval i, String name) {
        return i.series().stream().filter(a -> a.metric().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theShardsSecondsAddUpAndTheirVusAreSummed() {
        FleetSecond s = new FleetSecond();
        s.add(0, 10_000, 11_000, shardSecond(5, 2, 1000, 2000));
        s.add(1, 10_200, 11_200, shardSecond(7, 3, 3000));
        Interval i = s.interval();
        assertEquals(12, series(i, "http_reqs").sum());
        assertEquals(5, series(i, "vus").last());
        assertEquals(3, series(i, "http_req_duration").histogram().getTotalCount(), "the histograms are added, every value kept");
        assertEquals(11_200, i.endMillis());
        assertEquals(1.0, i.seconds(), 1e-9, "a second long, not the union of the shards' periods");
    }

    @Test
    void aShardsLateIntervalAddsItsCountsButItsVusCountOnce() {
        FleetSecond s = new FleetSecond();
        s.add(0, 10_000, 11_000, shardSecond(5, 2));
        s.add(0, 11_000, 12_000, shardSecond(4, 2));
        s.add(1, 11_000, 12_000, shardSecond(6, 3));
        Interval i = s.interval();
        assertEquals(15, series(i, "http_reqs").sum());
        assertEquals(5, series(i, "vus").last(), "shard 0's VUs once, its later value");
    }
}
