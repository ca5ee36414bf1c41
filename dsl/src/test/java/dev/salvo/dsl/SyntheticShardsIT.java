package dev.salvo.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/SyntheticShards.java, which bench/coordinator-cpu.sh SYNTHETIC=1 measures the coordinator with, speaks
 * the fleet's protocol as real shards do: a real {@code bin/salvo coordinate} releases its three shards, sums
 * every second they send and merges their result files into exactly what they say they sent.
 */
class SyntheticShardsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("ws://127\\.0\\.0\\.1:\\d+/fleet");

    @TempDir Path tmp;

    @Test
    void theCoordinatorsMergedCountsAreTheSumOfWhatTheSyntheticShardsSent() throws Exception {
        Path root = ExamplesTest.repositoryRoot();
        Path script = root.resolve("bench/coordinator-synthetic.js");
        Process coordinator = Salvo.launch(tmp.resolve("coordinator.log"),
                List.of("coordinate", script.toString(), "--shards", "3", "--port", "0", "--out", tmp.resolve("fleet").toString()));
        String url = awaitUrl(coordinator, tmp.resolve("coordinator.log"));
        // the shards on this JVM's class path: salvo's own shard-side code whichever distribution salvo.home is (the native one too)
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", System.getProperty("java.class.path"), root.resolve("bench/SyntheticShards.java").toString(),
                "--coordinator", url, "--script", script.toString(), "--shards", "3", "--rate", "150", "--duration", "3s",
                "--out", tmp.resolve("sent").toString()));
        Process shards = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("synthetic.log").toFile()).start();
        assertTrue(shards.waitFor(180, TimeUnit.SECONDS), "the synthetic shards did not end");
        assertTrue(coordinator.waitFor(60, TimeUnit.SECONDS), "the coordinator did not end");
        String log = Files.readString(tmp.resolve("coordinator.log"));
        assertEquals(0, shards.exitValue(), Files.readString(tmp.resolve("synthetic.log")));
        assertEquals(0, coordinator.exitValue(), log);
        assertTrue(log.contains("released 3 of 3 shards"), log);
        assertTrue(log.contains("PASSED: 5 thresholds held over 3 merged shards"), log);

        JsonNode sent = JSON.readTree(tmp.resolve("sent/sent.json").toFile()).path("shards");
        assertEquals(3, sent.size());
        // Each second the coordinator printed is the sum of the shards' interval messages of that second.
        List<String> rows = Files.readAllLines(tmp.resolve("fleet/fleet_history.csv"));
        assertEquals("Second,Requests,Segment 0/3,Segment 1/3,Segment 2/3", rows.get(0));
        for (int k = 1; k < rows.size(); k++) {
            String[] cells = rows.get(k).split(",");
            long sum = 0;
            for (int i = 0; i < 3; i++) {
                JsonNode per = sent.get(i).path("perInterval");
                long expected = k - 1 < per.size() ? per.get(k - 1).asLong() : 0;
                assertEquals(expected, Long.parseLong(cells[2 + i]), "second " + k + ", segment " + i + "/3");
                sum += expected;
            }
            assertEquals(sum, Long.parseLong(cells[1]), "second " + k);
        }
        long requests = 0, passes = 0, fails = 0, failed = 0;
        for (JsonNode s : sent) {
            assertTrue(s.path("delivered").asBoolean());
            requests += s.path("requests").asLong();
            passes += s.path("checkPasses").asLong();
            fails += s.path("checkFails").asLong();
            failed += s.path("failed").asLong();
        }
        // about 150 requests/s per shard for 3 s
        assertTrue(requests > 3 * 150 * 2 && requests < 3 * 150 * 4, "requests: " + requests);

        JsonNode merged = JSON.readTree(tmp.resolve("fleet/summary.json").toFile());
        JsonNode metrics = merged.path("metrics");
        assertEquals(requests, count(metrics, "http_reqs", "count"));
        assertEquals(requests, count(metrics, "http_req_duration", "count"));
        assertEquals(requests, count(metrics, "http_req_waiting", "count"));
        assertEquals(passes, count(metrics, "checks", "passes"));
        assertEquals(fails, count(metrics, "checks", "fails"));
        assertEquals(failed, count(metrics, "http_req_failed", "passes"));
        // each shard's iterations are its requests / 4, rounded down
        assertEquals(requests / 4.0, count(metrics, "iterations", "count"), 3.0);
        assertFalse(merged.path("merged").path("partial").asBoolean());
        assertEquals(3, merged.path("merged").path("shards").size());
    }

    /** A metric's total in summary.json ({@code metrics.NAME.values.FIELD}). */
    private static long count(JsonNode metrics, String name, String field) {
        return metrics.path(name).path("values").path(field).asLong();
    }

    private static String awaitUrl(Process p, Path log) throws Exception {
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < until; Thread.sleep(100)) {
            Matcher m = URL.matcher(Files.readString(log));
            if (m.find()) return m.group();
            assertTrue(p.isAlive(), Files.readString(log));
        }
        throw new AssertionError("the coordinator printed no URL: " + Files.readString(log));
    }
}
