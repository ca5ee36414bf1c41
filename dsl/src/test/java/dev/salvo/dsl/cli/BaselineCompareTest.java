package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real runs against the demo target, the second with 100 ms of added latency: {@code salvo
 * compare} and {@code salvo run --baseline} flag it, exit 100 only with --fail-on-regression.
 */
class BaselineCompareTest {
    @TempDir static Path dir;
    static String file;
    static Path fast;
    static Path slow;
    static Salvo.Result slowRun;

    @BeforeAll
    static void twoRuns() throws Exception {
        file = script(dir, "items.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export default async function () {
                  await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'items' } });
                }
                """);
        fast = dir.resolve("fast");
        slow = dir.resolve("slow");
        try (DemoServer target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            // a first run warms the JIT up, so the baseline measures the target rather than start-up
            Salvo.run("run", file, "-u", "10", "-i", "300", "--workers", "1", "-q", "-e", "BASE_URL=" + target.baseUrl());
            Salvo.Result r = Salvo.run("run", file, "-u", "10", "-i", "300", "--workers", "1", "-q", "-e", "BASE_URL=" + target.baseUrl(),
                    "--out", fast.toString(), "--save-baseline", dir.resolve("baseline.json").toString());
            assertEquals(0, r.exit(), r.toString());
        }
        try (DemoServer target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 100, 0))) {
            slowRun = Salvo.run("run", file, "-u", "10", "-i", "300", "--workers", "1", "-q", "-e", "BASE_URL=" + target.baseUrl(),
                    "--out", slow.toString(), "--baseline", dir.resolve("baseline.json").toString(), "--fail-on-regression",
                    "--compare-md", dir.resolve("run-compare.md").toString());
        }
    }

    @Test
    void runWithBaselineFlagsTheSlowRunAndExits100() throws Exception {
        assertEquals(100, slowRun.exit(), slowRun.toString());
        assertTrue(slowRun.out().contains("REGRESSION beyond 20% in 1 of 1 requests: GET items"), slowRun.toString());
        String md = Files.readString(dir.resolve("run-compare.md"));
        assertTrue(md.startsWith("### salvo compare: ❌ REGRESSION"), md);
        assertTrue(md.matches("(?s).*\\| GET items \\| p50 \\| [0-9.]+ ms \\| 1\\d\\d ms \\| \\+[0-9.]+% \\| ❌ regression \\|.*"), md);
        JsonNode summary = new ObjectMapper().readTree(slow.resolve("summary.json").toFile());
        assertEquals(100, summary.path("run").path("exitCode").asInt(), "summary.json carries the gate's exit code");
    }

    @Test
    void compareFlagsTheSlowRunButExitsZeroWithoutFailOnRegression() throws Exception {
        Path md = dir.resolve("compare.md");
        Path json = dir.resolve("compare.json");
        Path html = dir.resolve("pages/compare.html");
        Salvo.Result r = Salvo.run("compare", fast.toString(), slow.resolve("summary.json").toString(), "--md", md.toString(),
                "--json", json.toString(), "--html", html.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*p50 .* ms → 1\\d\\d ms .*REGRESSION.*"), r.toString());
        assertTrue(r.out().contains("throughput"), r.toString());
        JsonNode c = new ObjectMapper().readTree(json.toFile());
        assertEquals("salvo.compare/1", c.path("schema").asText());
        assertTrue(c.path("regression").asBoolean());
        assertEquals("regression", c.path("requests").get(0).path("measures").path("p50").path("status").asText());
        assertTrue(Files.readString(md).contains("| GET items | p95 |"));
        String page = Files.readString(html);
        assertTrue(page.contains("\"regression\":true") && page.trim().endsWith("</html>"), "the page holds the comparison");
    }

    @Test
    void compareExits100WithFailOnRegressionAndTheImprovementIsMarkedTheOtherWay() {
        Salvo.Result worse = Salvo.run("compare", fast.toString(), slow.toString(), "--fail-on-regression");
        assertEquals(100, worse.exit(), worse.toString());
        Salvo.Result better = Salvo.run("compare", slow.toString(), fast.toString(), "--fail-on-regression");
        assertEquals(0, better.exit(), better.toString());
        assertTrue(better.out().contains("improved"), better.toString());
        assertFalse(better.out().contains("REGRESSION"), better.toString());
    }

    @Test
    void aGenerousLimitOrTooFewSamplesDoNotFailTheGate() {
        Salvo.Result loose = Salvo.run("compare", fast.toString(), slow.toString(), "--fail-on-regression", "--max-regression", "1000000%");
        assertEquals(0, loose.exit(), loose.toString());
        Salvo.Result few = Salvo.run("compare", fast.toString(), slow.toString(), "--fail-on-regression", "--min-samples", "1000");
        assertEquals(0, few.exit(), few.toString());
        assertTrue(few.out().contains("not gated"), few.toString());
    }

    @Test
    void aMissingBaselineIsAUsageErrorBeforeTheRun() {
        Salvo.Result r = Salvo.run("run", file, "-i", "1", "--baseline", dir.resolve("nope.json").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--baseline"), r.toString());
        Salvo.Result bad = Salvo.run("compare", fast.toString(), slow.toString(), "--max-regression", "lots");
        assertEquals(2, bad.exit(), bad.toString());
    }

    @Test
    void maxDurationStopsALongRunWritesEveryFileAndIsNotAnInterruption() throws Exception {
        Path out = dir.resolve("capped");
        try (DemoServer target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            long t0 = System.nanoTime();
            Salvo.Result r = Salvo.run("run", file, "-u", "2", "-t", "60s", "--max-duration", "1s", "--workers", "1", "-q",
                    "-e", "BASE_URL=" + target.baseUrl(), "--out", out.toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue((System.nanoTime() - t0) / 1e9 < 15, "the cap did not stop the run");
            assertTrue(r.err().contains("stopped at --max-duration 1s"), r.toString());
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("max-duration", summary.path("run").path("ended").asText());
        assertTrue(Files.readString(out.resolve("report.html")).trim().endsWith("</html>"));
    }
}
