package dev.salvo.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {
    @TempDir Path dir;

    static JsonNode summary(String requests) throws Exception {
        return Baselines.JSON.readTree("{\"schema\":\"salvo.summary/1\",\"requests\":[" + requests + "]}");
    }

    static String request(String name, long count, long failures, double rps, double p50, double p95, double p99) {
        return "{\"name\":\"" + name + "\",\"method\":\"GET\",\"count\":" + count + ",\"failures\":" + failures + ",\"rps\":" + rps
                + ",\"duration\":{\"med\":" + p50 + ",\"p(95)\":" + p95 + ",\"p(99)\":" + p99 + "}}";
    }

    @Test
    void requestsThatAppearOrDisappearAreListedNotCrashedOn() throws Exception {
        Comparison c = Baselines.compare("b", summary(request("a", 500, 0, 50, 10, 20, 30) + "," + request("gone", 500, 0, 50, 1, 2, 3)),
                "c", summary(request("a", 500, 0, 50, 10, 20, 30) + "," + request("new", 500, 0, 50, 1, 2, 3)), CompareOptions.DEFAULTS);
        assertEquals(List.of("GET new"), c.added());
        assertEquals(List.of("GET gone"), c.removed());
        assertFalse(c.failed());
        assertTrue(CompareMarkdown.render(c).contains("Only in baseline: `GET gone`"));
    }

    @Test
    void lowerThroughputAndNewErrorsAreRegressionsSubMillisecondJitterIsNot() throws Exception {
        Comparison c = Baselines.compare("b", summary(request("a", 1000, 0, 100, 0.4, 0.5, 0.6)),
                "c", summary(request("a", 1000, 50, 70, 0.8, 0.9, 1.2)), CompareOptions.DEFAULTS);
        RequestComparison r = c.requests().get(0);
        assertEquals(List.of(MetricChange.Measure.ERROR_RATE, MetricChange.Measure.THROUGHPUT),
                r.regressions().stream().map(MetricChange::measure).toList());
        assertTrue(c.failed());
        assertEquals("new", Format.change(r.changes().get(3)));
    }

    @Test
    void aSmallSampleIsReportedButDoesNotFailTheGate() throws Exception {
        Comparison c = Baselines.compare("b", summary(request("a", 50, 0, 5, 10, 20, 30)),
                "c", summary(request("a", 50, 0, 5, 100, 200, 300)), CompareOptions.DEFAULTS);
        assertEquals(3, c.requests().get(0).regressions().size());
        assertFalse(c.failed());
    }

    @Test
    void percentagesParseWithOrWithoutTheSign() {
        assertEquals(0.2, CompareOptions.parsePercent("20%"), 1e-9);
        assertEquals(0.055, CompareOptions.parsePercent("5.5"), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> CompareOptions.parsePercent("-3%"));
    }

    @Test
    void somethingThatIsNotASummaryIsRefusedWithTheFileName() throws Exception {
        Path f = Files.writeString(dir.resolve("x.json"), "{\"a\":1}");
        BaselineException e = assertThrows(BaselineException.class, () -> Baselines.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertThrows(BaselineException.class, () -> Baselines.load(dir));
    }
}
