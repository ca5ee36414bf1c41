package dev.salvo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.dsl.Salvo;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local proof of issue 10: three {@code bin/salvo run --segment i/3} processes with one
 * {@code --start-at} against one demo target, merged, against a single process running the same plan.
 */
class DistributedRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void threeSegmentsMergeToTheSingleProcessTotalsWithAnExactP99() throws Exception {
        Path script = tmp.resolve("plan.js");
        Files.writeString(script, """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = {
                  scenarios: {
                    each: { executor: 'per-vu-iterations', vus: 7, iterations: 30 },
                    pool: { executor: 'shared-iterations', vus: 4, iterations: 200 },
                  },
                  thresholds: { http_req_failed: ['rate<0.01'], iterations: ['count==410'], 'http_req_duration{name:get}': ['p(99)<5000'] },
                };
                export default async function (data, vu) {
                  const r = await http.get(`${env.BASE_URL}/health`, { tags: { name: 'get', vu: String(vu.id) } });
                  check(r, { 'status 200': (x) => x.status === 200 });
                }
                """);
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            // Every process waits for the same instant, so they overlap as pods of one Job would.
            String at = Instant.now().plus(8, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS).toString();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                processes.add(start(tmp.resolve("log" + i), "run", "-q", "--no-progress", "--workers", "1", "-e",
                        "BASE_URL=" + demo.baseUrl(), "--segment", i + "/3", "--start-at", at, "--out", tmp.resolve("d" + i).toString(),
                        script.toString()));
            }
            processes.add(start(tmp.resolve("logSingle"), "run", "-q", "--no-progress", "--workers", "1", "-e",
                    "BASE_URL=" + demo.baseUrl(), "--start-at", at, "--out", tmp.resolve("single").toString(), script.toString()));
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process " + i + " did not finish");
                assertEquals(0, p.exitValue(), "process " + i + ": " + Files.readString(tmp.resolve(i < 3 ? "log" + i : "logSingle")));
            }
        }
        for (int i = 0; i < 3; i++) {
            JsonNode shard = json(tmp.resolve("d" + i + "/summary.json"));
            assertEquals(0, shard.path("thresholds").size(), "segment " + i + " judged thresholds");
            assertEquals(i + "/3", shard.path("distributed").path("segment").asText());
        }
        Process merge = start(tmp.resolve("logMerge"), "merge", "--out", tmp.resolve("merged").toString(),
                tmp.resolve("d0").toString(), tmp.resolve("d1").toString(), tmp.resolve("d2").toString());
        assertTrue(merge.waitFor(60, TimeUnit.SECONDS));
        String mergeLog = Files.readString(tmp.resolve("logMerge"));
        assertEquals(0, merge.exitValue(), mergeLog);
        assertTrue(mergeLog.contains("PASSED: 3 thresholds held over 3 merged shards"), mergeLog);

        JsonNode merged = json(tmp.resolve("merged/summary.json"));
        JsonNode single = json(tmp.resolve("single/summary.json"));
        assertEquals(410, merged.path("run").path("iterationsCompleted").asLong(), "iteration counts are exact");
        assertEquals(single.path("run").path("iterationsCompleted").asLong(), merged.path("run").path("iterationsCompleted").asLong());
        long mergedReqs = merged.path("metrics").path("http_reqs").path("values").path("count").asLong();
        long singleReqs = single.path("metrics").path("http_reqs").path("values").path("count").asLong();
        assertTrue(Math.abs(mergedReqs - singleReqs) <= 0.02 * singleReqs, mergedReqs + " vs " + singleReqs);
        assertEquals(410, mergedReqs);

        // Thresholds: evaluated once, in the merge, and the same as the single process's.
        assertEquals(3, merged.path("thresholds").size());
        assertEquals(single.path("thresholds").size(), merged.path("thresholds").size());
        merged.path("thresholds").forEach(t -> assertTrue(t.path("passed").asBoolean(), t.toString()));

        // The merged p99 is the p99 of the union of the three raw histograms, exactly.
        Histogram union = new Histogram(3);
        for (int i = 0; i < 3; i++) union.add(rawHistogram(tmp.resolve("d" + i + "/latency.hlog"), "http_req_duration"));
        JsonNode duration = merged.path("metrics").path("http_req_duration").path("values");
        assertEquals(410, union.getTotalCount());
        double p99 = Math.max(duration.path("min").asDouble(), Math.min(duration.path("max").asDouble(), union.getValueAtPercentile(99) / 1000.0));
        assertEquals(p99, duration.path("p(99)").asDouble(), 0.0, "merged p99 vs the union of the raw histograms");
        assertEquals(union.getValueAtPercentile(50) / 1000.0, duration.path("med").asDouble(), 1e-3);

        // vu.id is unique across segments: 11 VUs, each id in exactly one segment.
        Set<String> ids = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 3; i++) {
            for (JsonNode s : json(tmp.resolve("d" + i + "/summary.json")).path("metrics").path("http_reqs").path("series")) {
                if (s.path("tags").has("vu")) {
                    ids.add(s.path("tags").path("vu").asText());
                    total++;
                }
            }
        }
        assertEquals(11, total);
        assertEquals(11, ids.size(), "vu ids overlap across segments: " + ids);

        for (String f : List.of("stats.csv", "junit.xml", "summary.md", "report.html")) {
            assertTrue(Files.size(tmp.resolve("merged").resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(tmp.resolve("merged/stats.csv")).contains(",Aggregated,410,0,"));
    }

    /** The sum of every interval of {@code metric}'s series in one hlog, read with HdrHistogram's own reader. */
    private static Histogram rawHistogram(Path hlog, String metric) throws Exception {
        Set<String> tags = new HashSet<>();
        for (String line : Files.readAllLines(hlog)) {
            if (line.startsWith("#tag " + metric + ".")) tags.add(line.split(" ")[1]);
        }
        Histogram sum = new Histogram(3);
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram e;
        while ((e = reader.nextIntervalHistogram()) != null) {
            if (tags.contains(e.getTag())) sum.add((Histogram) e);
        }
        return sum;
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    private Process start(Path log, String... args) throws Exception {
        return Salvo.launch(log, List.of(args));
    }
}
