package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salvo run --segment/--start-at} bad input, and what {@code salvo merge} refuses or accepts. */
class SegmentMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private String plan(String name, String thresholds) throws Exception {
        return script(dir, name, """
                import { check } from 'salvo';
                export const options = {
                  scenarios: { s: { executor: 'shared-iterations', vus: 3, iterations: 10 } },
                  thresholds: { iterations: ['%s'] },
                };
                export default function () { check(1, { ran: () => true }); }
                """.formatted(thresholds));
    }

    private Path shard(String script, String segment, String name, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("run", "-q", "--segment", segment, "--out", out.toString()));
        args.addAll(List.of(more));
        args.add(script);
        Salvo.Result r = Salvo.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), "a segment does not judge thresholds: " + r);
        return out;
    }

    private static Salvo.Result merge(Path out, Path... shards) {
        List<String> args = new java.util.ArrayList<>(List.of("merge", "-q", "--out", out.toString()));
        for (Path p : shards) args.add(p.toString());
        return Salvo.run(args.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    @Test
    void badSegmentsExit2NamingTheFlag() throws Exception {
        String s = plan("p.js", "count==10");
        for (String bad : List.of("4/3", "3/3", "0/0", "x", "1/2/3", "-1/2")) {
            Salvo.Result r = Salvo.run("run", "--segment", bad, s);
            assertEquals(2, r.exit(), bad + ": " + r);
            assertTrue(r.err().contains("--segment"), r.toString());
        }
        for (List<String> bad : List.of(List.of("--segment-sequence", "0,1/2,1"), List.of("--segment", "1/3", "--segment-sequence", "0,1/2,1"),
                List.of("--segment", "0/2", "--segment-sequence", "0,1/2,1/3,1"))) {
            List<String> args = new java.util.ArrayList<>(List.of("run"));
            args.addAll(bad);
            args.add(s);
            Salvo.Result r = Salvo.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), bad + ": " + r);
            assertTrue(r.err().contains("--segment-sequence"), r.toString());
        }
        Salvo.Result r = Salvo.run("run", "--start-at", "tomorrow", s);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--start-at must be an RFC 3339 time"), r.toString());
    }

    @Test
    void aStartTimeInThePastStartsAtOnceWithAWarningAndAFutureOneWaits() throws Exception {
        String s = plan("p.js", "count==10");
        Salvo.Result past = Salvo.run("run", "-q", "--start-at", "2020-01-01T00:00:00Z", s);
        assertEquals(0, past.exit(), past.toString());
        assertTrue(past.err().contains("in the past; starting now"), past.toString());
        Instant at = Instant.now().plusMillis(1500);
        Salvo.Result future = Salvo.run("run", "-q", "--start-at", at.toString(), s);
        assertEquals(0, future.exit(), future.toString());
        assertTrue(future.err().contains("waiting until " + at), future.toString());
        assertTrue(Instant.now().isAfter(at));
    }

    @Test
    void mergeSumsExactlyAndEvaluatesThresholdsOnce() throws Exception {
        String s = plan("p.js", "count==10");
        Path a = shard(s, "0/3", "a"), b = shard(s, "1/3", "b"), c = shard(s, "2/3", "c");
        assertEquals(4, json(a.resolve("summary.json")).path("run").path("iterationsCompleted").asLong());
        assertEquals(0, json(a.resolve("summary.json")).path("thresholds").size(), "a segment judges no threshold");
        Salvo.Result r = merge(dir.resolve("m"), a, b, c);
        assertEquals(0, r.exit(), r.toString());
        JsonNode m = json(dir.resolve("m/summary.json"));
        assertEquals(10, m.path("run").path("iterationsCompleted").asLong());
        assertEquals(1, m.path("thresholds").size());
        assertTrue(m.path("thresholds").get(0).path("passed").asBoolean());
        assertEquals(10, m.path("metrics").path("checks").path("values").path("passes").asLong());
        assertEquals(3, m.path("merged").path("shards").size());
        for (String f : List.of("stats.csv", "failures.csv", "exceptions.csv", "junit.xml", "summary.md", "report.html")) {
            assertTrue(Files.size(dir.resolve("m").resolve(f)) > 0, f);
        }

        String strict = plan("strict.js", "count<5");
        Path x = shard(strict, "0/2", "x"), y = shard(strict, "1/2", "y");
        Salvo.Result breached = merge(dir.resolve("m2"), x, y);
        assertEquals(99, breached.exit(), "each segment passed alone (5 < 5 is false only for the whole): " + breached);
        assertTrue(breached.out().contains("thresholds breached over 2 merged shards"), breached.toString());
    }

    @Test
    void unequalSegmentsFromASequenceMergeToTheWhole() throws Exception {
        String s = plan("p.js", "count==10");
        String seq = "0,1/5,1";
        Path a = shard(s, "0/2", "a", "--segment-sequence", seq), b = shard(s, "1/2", "b", "--segment-sequence", seq);
        assertEquals(2, json(a.resolve("summary.json")).path("run").path("iterationsCompleted").asLong());
        assertEquals(8, json(b.resolve("summary.json")).path("run").path("iterationsCompleted").asLong());
        assertEquals(seq, json(a.resolve("summary.json")).path("distributed").path("sequence").asText());
        Salvo.Result r = merge(dir.resolve("m"), a, b);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(10, json(dir.resolve("m/summary.json")).path("run").path("iterationsCompleted").asLong());
        Path equal = shard(s, "1/2", "equal");
        Salvo.Result mixed = merge(dir.resolve("m2"), a, equal);
        assertEquals(2, mixed.exit(), mixed.toString());
        assertTrue(mixed.err().contains("different segment sequences: " + a + " is 0,1/5,1, " + equal + " is 0,1/2,1"), mixed.toString());
    }

    @Test
    void mergeRefusesShardsThatDoNotBelongTogether() throws Exception {
        String s = plan("p.js", "count==10");
        Path a = shard(s, "0/2", "a"), b = shard(s, "1/2", "b");

        Path other = shard(plan("other.js", "count>0"), "1/2", "other");
        Salvo.Result scripts = merge(dir.resolve("m1"), a, other);
        assertEquals(2, scripts.exit(), scripts.toString());
        assertTrue(scripts.err().contains("different scripts"), scripts.toString());

        Path more = shard(s, "1/2", "more", "--iterations", "20");
        Salvo.Result plans = merge(dir.resolve("m2"), a, more);
        assertEquals(2, plans.exit(), plans.toString());
        assertTrue(plans.err().contains("different plans: plan.scenarios[0]"), plans.toString());

        Path again = shard(s, "0/2", "again");
        Salvo.Result dup = merge(dir.resolve("m3"), a, again, b);
        assertEquals(2, dup.exit(), dup.toString());
        assertTrue(dup.err().contains("duplicate shards: " + a + " and " + again + " are both segment 0/2"), dup.toString());

        Path future = dir.resolve("future");
        Files.createDirectories(future);
        ObjectNode j = (ObjectNode) json(b.resolve("summary.json"));
        j.put("schema", "salvo.summary/2");
        JSON.writeValue(future.resolve("summary.json").toFile(), j);
        Salvo.Result schema = merge(dir.resolve("m4"), a, future);
        assertEquals(2, schema.exit(), schema.toString());
        assertTrue(schema.err().contains("incompatible schema: " + future + " is salvo.summary/2; this salvo merges salvo.summary/1"),
                schema.toString());
    }

    @Test
    void missingOrCorruptShardsAreNamedAndAllowPartialMergesTheRest() throws Exception {
        String s = plan("p.js", "count>0");
        Path a = shard(s, "0/2", "a");
        Salvo.Result missing = merge(dir.resolve("m1"), a);
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("missing segments 1/2 (pass --allow-partial"), missing.toString());

        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("summary.json"), "{ not json");
        Salvo.Result bad = merge(dir.resolve("m2"), a, corrupt);
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains(corrupt.resolve("summary.json") + ": corrupt"), bad.toString());

        Salvo.Result partial = Salvo.run("merge", "-q", "--allow-partial", "--out", dir.resolve("m3").toString(), a.toString(), corrupt.toString());
        assertEquals(0, partial.exit(), partial.toString());
        JsonNode m = json(dir.resolve("m3/summary.json"));
        assertTrue(m.path("merged").path("partial").asBoolean());
        assertEquals("partial", m.path("run").path("ended").asText());
        assertTrue(m.path("warnings").toString().contains("PARTIAL: merged 1 of 2 segments; missing 1/2"), m.toString());
        assertTrue(Files.readString(dir.resolve("m3/summary.md")).contains("missing segments 1/2"));
        assertTrue(Files.readString(dir.resolve("m3/junit.xml")).contains("partial"));
    }
}
