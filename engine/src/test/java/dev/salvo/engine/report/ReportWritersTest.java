package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {
    private static final String LOCUST_STATS_HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
            + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%";
    private static final String THRESHOLDS = "{\"http_req_duration\": [\"p(95)<50\", \"max<1000\"], \"http_req_failed\": [\"rate<0.5\"]}";

    @TempDir Path dir;

    @Test
    void statsCsvHasLocustsHeaderARowPerRequestAndTheAggregatedRow() throws Exception {
        Summary s = ReportFixture.summary(ReportFixture.metrics(2), THRESHOLDS);
        StringWriter w = new StringWriter();
        StatsCsv.write(s, w);
        String[] lines = w.toString().split("\r\n");
        assertEquals(LOCUST_STATS_HEADER, lines[0]);
        assertEquals(4, lines.length, w.toString());
        assertTrue(lines[1].startsWith("GET,req0,100,10,50,50.5,1.0,100."), lines[1]);
        // Aggregated: Type empty (not ""), 200 requests, 20 failures; p95 of 1..100 ms is 95 ms
        String[] agg = lines[3].split(",");
        assertEquals("", agg[0]);
        assertEquals("Aggregated", agg[1]);
        assertEquals("200", agg[2]);
        assertEquals("20", agg[3]);
        assertEquals("20.0", agg[9], "requests per second over 10 s");
        assertEquals("95", agg[16], "95% column");
    }

    @Test
    void junitCarriesTheObservedValueOfAFailedThreshold() throws Exception {
        Summary s = ReportFixture.summary(ReportFixture.metrics(1), THRESHOLDS);
        StringWriter w = new StringWriter();
        JunitXml.write(s, new RunEnd(99, "completed", null), w);
        String xml = w.toString();
        assertTrue(xml.contains("<testsuite name=\"thresholds\" tests=\"3\" failures=\"1\""), xml);
        assertTrue(xml.contains("<failure type=\"threshold\" message=\"observed p(95)=95"), xml);
        assertTrue(xml.contains("<testsuite name=\"checks\" tests=\"1\" failures=\"1\""), xml);
        assertTrue(xml.contains("90 passed, 10 failed"), xml);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void summaryJsonIsVersionedAndSaysHowTheRunEnded() throws Exception {
        Summary s = ReportFixture.summary(ReportFixture.metrics(1), THRESHOLDS);
        StringWriter w = new StringWriter();
        SummaryJson.write(s, new RunEnd(130, "interrupted", "stopped by a signal"), "t.js", List.of(), w);
        JsonNode j = new ObjectMapper().readTree(w.toString());
        assertEquals("salvo.summary/1", j.get("schema").asText());
        assertEquals("interrupted", j.at("/run/ended").asText());
        assertEquals(130, j.at("/run/exitCode").asInt());
        assertEquals(100, j.at("/metrics/http_reqs/values/count").asInt());
        assertEquals(95, j.at("/metrics/http_req_duration/values/p(95)").asDouble(), 0.1);
        assertEquals(10, j.at("/metrics/http_req_failed/values/passes").asInt());
        assertEquals(2, j.at("/metrics/http_req_duration/series").size(), "one per tag set (status 200 and 500)");
        assertFalse(j.at("/thresholds/0/passed").asBoolean());
        assertEquals(95, j.at("/thresholds/0/observed").asDouble(), 0.1);
        assertEquals(7, j.at("/iterationErrors/0/count").asInt());
    }

    @Test
    void markdownStaysUnder64KbWithThousandsOfRequestNames() throws Exception {
        Summary s = ReportFixture.summary(ReportFixture.metrics(800), THRESHOLDS);
        String md = SummaryMarkdown.render(s, new RunEnd(99, "completed", null), "big.js");
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length < 64 * 1024, "size " + md.length());
        assertTrue(md.startsWith("## salvo: ❌ FAILED (exit 99)"), md.substring(0, 80));
        assertTrue(md.contains("more request rows left out"), "says it cut rows");
        assertTrue(md.contains("| ❌ | `http_req_duration` | `p(95)<50` | 95.0"), md.substring(0, 600));
    }

    @Test
    void exceptionsCsvSplitsTheScriptFrameIntoTraceback() throws Exception {
        Summary s = ReportFixture.summary(ReportFixture.metrics(1), "{}");
        StringWriter w = new StringWriter();
        ExceptionsCsv.write(s, w);
        assertEquals("Count,Message,Traceback,Nodes\r\n7,TypeError: x is undefined,at script.js:12:5,local\r\n", w.toString());
    }

    @Test
    void hlogIsReadableByHdrHistogramsReaderAndHoldsEverySample() throws Exception {
        Metrics m = ReportFixture.metrics(2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LatencyHlog log = new LatencyHlog(bytes, 1_000_000L)) {
            log.onInterval(new Interval(1_000_000L, 1_001_000L, m.takeIntervals()));
        }
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(bytes.toByteArray()));
        long total = 0;
        int histograms = 0;
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            histograms++;
            if (h.getTag().startsWith("http_req_duration.")) total += ((org.HdrHistogram.Histogram) h).getTotalCount();
        }
        assertEquals(200, total);
        assertEquals(4, histograms, "two names x two statuses");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("#tag http_req_duration.0 {"));
    }

    @Test
    void filesAreWrittenUnderATemporaryNameAndUnwritableTargetsAreReportedBeforeTheRun() throws Exception {
        Path f = dir.resolve("a/b/out.txt");
        AtomicFile.write(f, "x");
        assertEquals("x", Files.readString(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "");
        List<String> problems = ReportPaths.of(blocker.resolve("out"), null, false, null, null, null, null).problems();
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).contains(blocker.toString()), problems.toString());
    }

    @Test
    void trendStatsNameEveryUnknownEntry() {
        assertEquals(List.of("avg", "p(99.9)", "count"), TrendStats.parse("avg, p(99.9),count").stats().stream().map(TrendStats.Stat::label).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrendStats.parse("avg,p95,mean"));
        assertTrue(e.getMessage().contains("p95, mean"), e.getMessage());
    }
}
