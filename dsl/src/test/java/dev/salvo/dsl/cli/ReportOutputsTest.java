package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run with {@code --out}: the files exist, Locust parsers read them, and every output gives
 * the same counts and percentiles as the console summary.
 */
class ReportOutputsTest {
    static final String STATS_HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
            + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%";
    static final String HISTORY_HEADER = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,"
            + "99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,"
            + "Total Min Response Time,Total Max Response Time,Total Average Content Size";

    @TempDir static Path dir;
    static Salvo.Result run;
    static Path out;
    private static DemoServer target;

    @BeforeAll
    static void runOnce() throws Exception {
        target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
        String file = script(dir, "mixed.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = {
                  thresholds: { http_req_duration: ['p(95)<10000'], http_req_failed: ['rate<0.01'] },
                };
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/delay?ms=3`, { tags: { name: 'delay' } });
                  check(r, { 'delay is 200': (x) => x.status === 200 });
                  const m = await http.get(`${env.BASE_URL}/api/items/999999`, { tags: { name: 'missing' } });
                  check(m, { 'missing is 200': (x) => x.status === 200 });
                }
                """);
        out = dir.resolve("results");
        run = Salvo.run("run", file, "-u", "2", "--workers", "1", "-i", "60", "-e", "BASE_URL=" + target.baseUrl(),
                "--out", out.toString(), "--csv-full-history");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @Test
    void everyFileIsWrittenAndTheRunFailedOnItsThreshold() {
        assertEquals(99, run.exit(), run.toString());
        for (String f : List.of("stats.csv", "stats_history.csv", "failures.csv", "exceptions.csv", "metrics.csv", "summary.json",
                "latency.hlog", "report.html", "junit.xml", "summary.md")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing: " + run);
        }
    }

    @Test
    void locustHeadersAreByteForByteLocusts() throws Exception {
        assertEquals(STATS_HEADER + "\r\n", firstLine(out.resolve("stats.csv")));
        assertEquals(HISTORY_HEADER + "\r\n", firstLine(out.resolve("stats_history.csv")));
        assertEquals("Method,Name,Error,Occurrences\r\n", firstLine(out.resolve("failures.csv")));
        assertEquals("Count,Message,Traceback,Nodes\r\n", firstLine(out.resolve("exceptions.csv")));
    }

    private static String firstLine(Path f) throws Exception {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        return s.substring(0, s.indexOf('\n') + 1);
    }

    @Test
    void pythonCsvDictReaderReadsTheAggregatedRowAsCiScriptsDo() throws Exception {
        Path py = dir.resolve("ci_check.py");
        Files.writeString(py, """
                import csv, sys
                with open(sys.argv[1], newline='') as f:
                    rows = list(csv.DictReader(f))
                agg = [r for r in rows if r['Name'] == 'Aggregated'][0]
                assert agg['Type'] == '', repr(agg['Type'])
                print(int(agg['Request Count']), int(agg['Failure Count']), int(agg['95%']))
                with open(sys.argv[2], newline='') as f:
                    hist = list(csv.DictReader(f))
                assert hist[-1]['Name'] == 'Aggregated'
                print(int(hist[-1]['Total Request Count']))
                """);
        Process p = new ProcessBuilder("python3", py.toString(), out.resolve("stats.csv").toString(),
                out.resolve("stats_history.csv").toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), printed);
        String[] lines = printed.strip().split("\n");
        String[] agg = lines[0].split(" ");
        assertEquals(120, Long.parseLong(agg[0]), printed);
        assertEquals(60, Long.parseLong(agg[1]), "every 'missing' request failed: " + printed);
        // whole ms in the CSV, two decimals on the console: at x.5 the two roundings may go different ways
        assertTrue(Math.abs(consoleP95() - Long.parseLong(agg[2])) <= 0.51, "95% vs the console's p(95): " + printed + run.out());
        assertEquals(120, Long.parseLong(lines[1].strip()), "the history's last Total Request Count");
    }

    @Test
    void consoleJsonCsvAndJunitAgree() throws Exception {
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        double p95 = consoleP95();
        // counts
        assertEquals(120, json.at("/metrics/http_reqs/values/count").asLong());
        assertEquals(consoleCount("http_reqs"), json.at("/metrics/http_reqs/values/count").asLong());
        assertEquals(60, json.at("/metrics/http_req_failed/values/passes").asLong());
        String[] agg = aggregatedRow();
        assertEquals("120", agg[2]);
        assertEquals("60", agg[3]);
        // percentiles, to the ms
        assertEquals(p95, json.at("/metrics/http_req_duration/values/p(95)").asDouble(), 0.01 + p95 * 0.001);
        assertEquals(Math.round(json.at("/metrics/http_req_duration/values/p(95)").asDouble()), Long.parseLong(agg[16]));
        String xml = Files.readString(out.resolve("junit.xml"));
        Matcher m = Pattern.compile("name=\"http_req_duration p\\(95\\)&lt;10000\" time=\"0\">\\s*<system-out>observed p\\(95\\)=([0-9.]+)").matcher(xml);
        assertTrue(m.find(), xml);
        assertEquals(p95, Double.parseDouble(m.group(1)), 0.01 + p95 * 0.001);
        assertTrue(xml.contains("observed rate=0.5"), xml);
        assertEquals("threshold-abort".equals(json.at("/run/ended").asText()) ? 99 : 99, json.at("/run/exitCode").asInt());
        assertEquals("completed", json.at("/run/ended").asText());
        // checks
        assertEquals(run.passes("delay is 200"), json.at("/checks").findValues("passes").get(0).asLong());
        assertTrue(xml.contains("0 passed, 60 failed"), xml);
        // request rows
        String[] delay = run.requestRow("delay");
        assertEquals(Double.parseDouble(delay[8]), json.at("/requests/0/duration/p(95)").asDouble(), 0.006);
    }

    private static String[] aggregatedRow() throws Exception {
        for (String line : Files.readAllLines(out.resolve("stats.csv"))) if (line.startsWith(",Aggregated,")) return line.split(",");
        throw new AssertionError("no Aggregated row");
    }

    private static double consoleP95() {
        Matcher m = Pattern.compile("http_req_duration\\.+\\s+avg=.* p\\(95\\)=([0-9.]+)ms").matcher(run.out());
        assertTrue(m.find(), run.out());
        return Double.parseDouble(m.group(1));
    }

    private static long consoleCount(String metric) {
        Matcher m = Pattern.compile(metric + "\\.+\\s+(\\d+)").matcher(run.out());
        assertTrue(m.find(), run.out());
        return Long.parseLong(m.group(1));
    }
}
