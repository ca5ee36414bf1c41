package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metrics;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsHistoryCsvTest {
    @Test
    void aShortLastIntervalInTheSameSecondGetsTheNextTimestamp() throws Exception {
        StringWriter out = new StringWriter();
        Metrics m = ReportFixture.metrics(1);
        try (StatsHistoryCsv csv = new StatsHistoryCsv(out, true)) {
            csv.onInterval(new Interval(10_000, 11_020, m.takeIntervals()));
            csv.onInterval(new Interval(11_020, 12_020, m.takeIntervals()));
            csv.onInterval(new Interval(12_020, 12_400, m.takeIntervals())); // the run's end, 0.38 s later
        }
        List<String> stamps = Arrays.stream(out.toString().split("\r\n")).skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
        assertEquals(List.of("12", "13", "14"), stamps);
    }
}
