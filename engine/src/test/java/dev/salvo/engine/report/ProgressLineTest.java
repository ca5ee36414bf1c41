package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void statusLineShowsProgressVusRateP95ErrorsAndFailingThresholds() {
        Metrics m = ReportFixture.metrics(1); // 100 requests in the second, 10 failed, 1..100 ms
        ProgressLine line = new ProgressLine();
        line.onInterval(new Interval(0, 1000, m.takeIntervals()));
        String text = line.line(Duration.ofSeconds(30), Duration.ofMinutes(1), Map.of("api", 5), Map.of("api", 10),
                List.of("http_req_duration p(95)<50"));
        assertTrue(text.startsWith("[30s / 1m] [==========          ] api 5/10 VUs  100 req/s  p95=95.04ms  errors=10.0%"), text);
        assertTrue(text.endsWith("✗ http_req_duration p(95)<50"), text);
    }

    @Test
    void plainLineKeepsThePrefixBenchScriptsParse() {
        ProgressLine line = new ProgressLine();
        line.onInterval(new Interval(0, 1000, ReportFixture.metrics(1).takeIntervals()));
        String text = line.plain(Duration.ofSeconds(10), Duration.ofMinutes(1), Map.of("default", 3), Map.of("default", 3), List.of());
        assertTrue(text.matches("^\\[  10s\\] vus=3 reqs=100 \\(10/s\\) failed=10 \\| .*"), text);
    }
}
