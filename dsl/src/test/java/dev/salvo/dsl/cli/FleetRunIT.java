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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26's proof with real processes: {@code bin/salvo coordinate} and three
 * {@code bin/salvo run --segment i/3 --coordinator URL} shards against one demo target.
 */
class FleetRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("ws://127\\.0\\.0\\.1:\\d+/fleet");

    @TempDir Path tmp;

    private static String script(String duration, String thresholds) {
        return """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = {
                  scenarios: { load: { executor: 'constant-arrival-rate', rate: 30, duration: '%s', preAllocatedVUs: 6 } },
                  thresholds: { %s },
                };
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/health`, { tags: { name: 'health' } });
                  check(r, { 'status 200': (x) => x.status === 200 });
                }
                """.formatted(duration, thresholds);
    }

    @Test
    void theLiveCountsAreTheShardsSumsAndTheResultIsTheMergeOfTheirFolders() throws Exception {
        Path plan = write(script("4s", "http_req_failed: ['rate<0.01'], 'http_req_duration{name:health}': ['p(99)<10000']"));
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            Fleet f = fleet(plan, demo, List.of());
            f.waitAll(120);
            assertEquals(0, f.coordinator.exitValue(), f.log());
            for (int i = 0; i < 3; i++) assertEquals(0, f.shards.get(i).exitValue(), Files.readString(tmp.resolve("log" + i)));
        }
        // Each second of the fleet is the sum of the shards' seconds; each shard's column is what it recorded itself, period by period.
        List<CSVRecord> rows = csv(tmp.resolve("fleet/fleet_history.csv"));
        long fleetTotal = 0;
        for (CSVRecord r : rows) {
            long sum = 0;
            for (int i = 0; i < 3; i++) sum += Long.parseLong(r.get("Segment " + i + "/3"));
            assertEquals(sum, Long.parseLong(r.get("Requests")), "second " + r.get("Second"));
            fleetTotal += sum;
        }
        long shardsTotal = 0;
        for (int i = 0; i < 3; i++) {
            List<Long> live = new ArrayList<>();
            for (CSVRecord r : rows) {
                long n = Long.parseLong(r.get("Segment " + i + "/3"));
                if (n > 0) live.add(n);
            }
            List<Long> own = perSecond(tmp.resolve("d" + i + "/latency.hlog"));
            assertEquals(own, live, "segment " + i + "/3: its per-second requests as the coordinator saw them");
            shardsTotal += json(tmp.resolve("d" + i + "/summary.json")).path("metrics").path("http_reqs").path("values").path("count").asLong();
        }
        assertEquals(shardsTotal, fleetTotal);
        assertTrue(fleetTotal > 0);

        // The coordinator's result is 'salvo merge' of the shards' own folders, to the last digit.
        Process merge = start(tmp.resolve("logMerge"), "merge", "-q", "--out", tmp.resolve("merged").toString(),
                tmp.resolve("d0").toString(), tmp.resolve("d1").toString(), tmp.resolve("d2").toString());
        assertTrue(merge.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, merge.exitValue(), Files.readString(tmp.resolve("logMerge")));
        JsonNode live = json(tmp.resolve("fleet/summary.json"));
        JsonNode merged = json(tmp.resolve("merged/summary.json"));
        assertEquals(merged.path("metrics"), live.path("metrics"));
        assertEquals(merged.path("thresholds"), live.path("thresholds"));
        assertEquals(merged.path("run"), live.path("run"));
        assertEquals(2, live.path("thresholds").size());
        assertTrue(Files.readString(tmp.resolve("fleetLog")).contains("PASSED: 2 thresholds held over 3 merged shards"));
    }

    @Test
    void anAbortOnFailThresholdBreachedOnlyInTheSumStopsEveryShardWithin3Seconds() throws Exception {
        // 10 requests/s per shard for 30 s: no shard alone ever makes 120, the fleet does after about 4 s.
        Path plan = write(script("30s", "http_reqs: [{ threshold: 'count<120', abortOnFail: true }]"));
        long breached;
        Fleet f;
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            f = fleet(plan, demo, List.of());
            breached = f.awaitLine("abortOnFail threshold failed over the fleet", 90);
            f.waitAll(60);
        }
        assertEquals(99, f.coordinator.exitValue(), f.log());
        for (int i = 0; i < 3; i++) {
            assertEquals(99, f.shards.get(i).exitValue(), Files.readString(tmp.resolve("log" + i)));
            JsonNode run = json(tmp.resolve("d" + i + "/summary.json")).path("run");
            long end = Instant.parse(run.path("end").asText()).toEpochMilli();
            assertTrue(end - breached < 3000, "segment " + i + " ran on for " + (end - breached) + " ms after the breach");
            long own = json(tmp.resolve("d" + i + "/summary.json")).path("metrics").path("http_reqs").path("values").path("count").asLong();
            assertTrue(own < 120, "segment " + i + " alone made " + own + " requests");
            assertEquals("threshold-abort", run.path("ended").asText());
        }
        assertTrue(f.log().contains("FAILED: stopped every shard early by abortOnFail over the fleet: http_reqs count<120"), f.log());
    }

    @Test
    void aShardKilledMidRunIsNamedAndTheResultIsPartial() throws Exception {
        Path plan = write(script("8s", "http_req_failed: ['rate<0.01']"));
        Fleet f;
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            f = fleet(plan, demo, List.of());
            f.awaitLine("second 2:", 90);
            f.shards.get(1).toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            f.shards.get(1).destroyForcibly();
            f.waitAll(90);
        }
        assertEquals(98, f.coordinator.exitValue(), f.log());
        assertEquals(0, f.shards.get(0).exitValue());
        assertEquals(0, f.shards.get(2).exitValue());
        assertTrue(f.log().matches("(?s).*LOST segment 1/3 \\(.+ pid \\d+\\) at [0-9.]+ s: its connection closed.*"), f.log());
        assertTrue(f.log().contains("FAILED: partial: missing segments 1/3 (exit 98"), f.log());
        JsonNode merged = json(tmp.resolve("fleet/summary.json")).path("merged");
        assertTrue(merged.path("partial").asBoolean());
        assertEquals("[\"1/3\"]", merged.path("missing").toString());
        assertEquals(2, merged.path("shards").size());
    }

    /** A coordinator on a free port, then three shards pointed at the URL it prints. */
    private Fleet fleet(Path plan, DemoServer demo, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("coordinate", plan.toString(), "--shards", "3", "--port", "0", "--out",
                tmp.resolve("fleet").toString()));
        args.addAll(extra);
        Fleet f = new Fleet();
        f.log = tmp.resolve("fleetLog");
        f.coordinator = start(f.log, args.toArray(String[]::new));
        String url = null;
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); url == null && System.nanoTime() < until; Thread.sleep(100)) {
            Matcher m = URL.matcher(Files.readString(f.log));
            if (m.find()) url = m.group();
            assertTrue(f.coordinator.isAlive() || url != null, f.log());
        }
        assertTrue(url != null, "the coordinator printed no URL: " + f.log());
        for (int i = 0; i < 3; i++) {
            f.shards.add(start(tmp.resolve("log" + i), "run", "-q", "--no-progress", "--workers", "1", "-e", "BASE_URL=" + demo.baseUrl(),
                    "--segment", i + "/3", "--coordinator", url, "--out", tmp.resolve("d" + i).toString(), plan.toString()));
        }
        return f;
    }

    private static final class Fleet {
        Path log;
        Process coordinator;
        final List<Process> shards = new ArrayList<>();

        String log() throws Exception {
            return Files.readString(log);
        }

        /** When a line containing {@code text} appeared in the coordinator's log (epoch ms, polled every 50 ms). */
        long awaitLine(String text, int seconds) throws Exception {
            for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds); System.nanoTime() < until; Thread.sleep(50)) {
                if (log().contains(text)) return System.currentTimeMillis();
            }
            throw new AssertionError("no '" + text + "' in " + seconds + " s: " + log());
        }

        void waitAll(int seconds) throws Exception {
            for (Process p : shards) assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "a shard did not finish");
            assertTrue(coordinator.waitFor(seconds, TimeUnit.SECONDS), "the coordinator did not finish: " + log());
        }
    }

    /**
     * A shard's own requests in each of its sampler periods, from its latency.hlog: the counts of the
     * http_req_duration intervals (one per request) summed per interval start, read with HdrHistogram's reader.
     */
    private static List<Long> perSecond(Path hlog) throws Exception {
        Set<String> tags = new HashSet<>();
        for (String line : Files.readAllLines(hlog)) {
            if (line.startsWith("#tag http_req_duration.")) tags.add(line.split(" ")[1]);
        }
        Map<Long, Long> byPeriod = new TreeMap<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram e;
        while ((e = reader.nextIntervalHistogram()) != null) {
            if (tags.contains(e.getTag())) byPeriod.merge(e.getStartTimeStamp(), ((Histogram) e).getTotalCount(), Long::sum);
        }
        return List.copyOf(byPeriod.values());
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(file)).getRecords();
    }

    private Path write(String text) throws Exception {
        Path p = tmp.resolve("plan.js");
        Files.writeString(p, text);
        return p;
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    private Process start(Path log, String... args) throws Exception {
        return Salvo.launch(log, List.of(args));
    }
}
