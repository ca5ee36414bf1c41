package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private static ProgressLine oneSecond() {
        Metrics m = ReportFixture.metrics(1); // 100 requests in the second, 10 failed, 1..100 ms
        ProgressLine line = new ProgressLine();
        line.onInterval(new Interval(0, 1000, m.takeIntervals()));
        return line;
    }

    @Test
    void statusLineShowsProgressVusRateP95ErrorsAndFailingThresholds() {
        String text = oneSecond().line(Duration.ofSeconds(30), Duration.ofMinutes(1), GRACE, Map.of("api", 5), Map.of("api", 10),
                List.of("http_req_duration p(95)<50"));
        assertTrue(text.startsWith("[30s / 1m] [==========          ] api 5/10 VUs  100 req/s  p95=95.04ms  errors=10.0%"), text);
        assertTrue(text.endsWith("✗ http_req_duration p(95)<50"), text);
    }

    @Test
    void theTotalIsThePlannedDurationAndTheGracefulStopShowsOnlyOnceItHasBegun() {
        ProgressLine line = oneSecond();
        Map<String, Integer> one = Map.of("default", 1);
        assertTrue(line.line(Duration.ofSeconds(15), Duration.ofSeconds(15), GRACE, one, one, List.of())
                .startsWith("[15s / 15s] [====================] default 1/1 VU  "), "a full bar at the planned end, one VU");
        assertTrue(line.line(Duration.ofSeconds(17), Duration.ofSeconds(15), GRACE, one, one, List.of())
                .startsWith("[17s / 15s, stopping: up to 30s more] [====================] "));
    }

    @Test
    void plainLineKeepsThePrefixBenchScriptsParseAndShowsOneRate() {
        String text = oneSecond().plain(Duration.ofSeconds(10), Duration.ofMinutes(1), GRACE, Map.of("default", 3), Map.of("default", 3), List.of());
        assertEquals("[  10s] vus=3 reqs=100 failed=10 | [10s / 1m] default 3/3 VUs  100 req/s  p95=95.04ms  errors=10.0%", text);
    }
}
