package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code options.thresholds} decide the exit code of {@code salvo run}: against a loopback demo target
 * with injected latency or errors, a breached threshold exits 99 and names what it observed.
 */
class ThresholdsRunTest {
    private static final Pattern OBSERVED_P95 = Pattern.compile("http_req_duration p\\(95\\)<\\d+: observed p\\(95\\)=([0-9.]+)");
    private static final Pattern VERDICT = Pattern.compile("^FAILED: (\\d+) of (\\d+) thresholds breached \\(exit 99\\)$", Pattern.MULTILINE);

    @TempDir Path dir;
    private DemoServer target;

    @AfterEach
    void stopTarget() {
        if (target != null) target.close();
    }

    private String baseUrl(long latencyMs, double errorRate) throws Exception {
        target = DemoServer.start(new DemoOptions("127.0.0.1", 0, latencyMs, errorRate));
        return "BASE_URL=" + target.baseUrl();
    }

    /** Ten requests to /api/items by two VUs, after a warm-up on /health (never delayed) so cold JIT does not count. */
    private String itemsScript(String name, String thresholds) throws Exception {
        return script(dir, name, """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { vus: 2, iterations: 10, thresholds: { %s } };
                export async function setup() {
                  for (let i = 0; i < 100; i++) await http.get(`${env.BASE_URL}/health`, { tags: { name: 'warmup' } });
                }
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'items' } });
                  check(r, { 'items is 200': (x) => x.status === 200 });
                }
                """.formatted(thresholds));
    }

    @Test
    void p95AboveTheLimitExits99NamingTheThresholdAndTheObservedValue() throws Exception {
        String env = baseUrl(300, 0);
        Salvo.Result r = Salvo.run("run", itemsScript("slow.js", "http_req_duration: ['p(95)<200']"), "--workers", "1", "-e", env);
        assertEquals(99, r.exit(), r.toString());
        assertTrue(r.out().contains("FAILED: 1 of 1 thresholds breached (exit 99)"), r.toString());
        Matcher m = Pattern.compile("^  ✗ http_req_duration p\\(95\\)<200: observed p\\(95\\)=([0-9.]+) \\(failed\\)$", Pattern.MULTILINE)
                .matcher(r.out().substring(r.out().lastIndexOf("FAILED:")));
        assertTrue(m.find(), "verdict names the threshold: " + r);
        assertTrue(Double.parseDouble(m.group(1)) >= 300, "observed p(95) below the injected 300 ms: " + r);
    }

    @Test
    void p95BelowTheLimitExits0() throws Exception {
        String env = baseUrl(300, 0);
        Salvo.Result r = Salvo.run("run", itemsScript("slow.js", "http_req_duration: ['p(95)<500']"), "--workers", "1", "-e", env);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().strip().endsWith("PASSED: 1 thresholds held"), r.toString());
        assertTrue(r.out().contains("✓ http_req_duration p(95)<500: observed p(95)="), r.toString());
    }

    @Test
    void abortOnFailEndsAThirtySecondRunEarlyWithExit99() throws Exception {
        String env = baseUrl(300, 0);
        String file = script(dir, "abort.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = {
                  scenarios: { slow: { executor: 'constant-vus', vus: 2, duration: '30s' } },
                  thresholds: { http_req_duration: [{ threshold: 'p(95)<200', abortOnFail: true }] },
                };
                export default async function () {
                  await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'items' } });
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1", "-e", env);
        assertEquals(99, r.exit(), r.toString());
        assertTrue(r.out().contains("FAILED: stopped early by abortOnFail: "), r.toString());
        assertTrue(r.out().contains("http_req_duration p(95)<200"), r.toString());
        // Evaluated every 2 s: the first or second evaluation stops it, then running iterations finish (< 1 s each).
        assertTrue(r.runSeconds() < 7, "ran " + r.runSeconds() + " s of 30 s: " + r);
    }

    @Test
    void checksRateBelowTheLimitExits99WhenTheTargetFailsSomeRequests() throws Exception {
        String env = baseUrl(0, 0.1);
        String file = script(dir, "errors.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { vus: 4, iterations: 200, thresholds: { checks: ['rate>0.99'] } };
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'items' } });
                  check(r, { 'status is 200': (x) => x.status === 200 });
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1", "-e", env);
        assertEquals(99, r.exit(), r.toString());
        assertTrue(Pattern.compile("✗ checks rate>0\\.99: observed rate=0\\.[0-9]+ \\(failed\\)").matcher(r.out()).find(), r.toString());
        long[] counts = r.checks().get("status is 200");
        assertNotNull(counts, r.toString());
        assertEquals(200, counts[0] + counts[1], r.toString());
        assertTrue(counts[1] > 0, "a 10% error rate failed no check in 200: " + r);
    }

    @Test
    void thresholdOnAMetricWithoutSamplesFailsWithNoData() throws Exception {
        String file = script(dir, "empty.js", """
                import { Trend } from 'salvo/metrics';
                const never = new Trend('never_added');
                export const options = { iterations: 2, thresholds: { never_added: ['avg<10'] } };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(99, r.exit(), r.toString());
        assertTrue(r.out().contains("✗ never_added avg<10: no data"), r.toString());
        assertTrue(r.out().contains("FAILED: 1 of 1 thresholds breached (exit 99)"), r.toString());
    }

    @Test
    void allowEmptyPassesAThresholdOnAMetricWithoutSamples() throws Exception {
        String file = script(dir, "allowEmpty.js", """
                import { Trend } from 'salvo/metrics';
                const never = new Trend('never_added');
                export const options = { iterations: 2, thresholds: { never_added: [{ threshold: 'avg<10', allowEmpty: true }] } };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("✓ never_added avg<10"), r.toString());
        assertTrue(r.out().strip().endsWith("PASSED: 1 thresholds held"), r.toString());
    }

    @Test
    void verdictSummaryAndExitCodeAgree() throws Exception {
        String env = baseUrl(300, 0);
        Salvo.Result r = Salvo.run("run", itemsScript("agree.js", """
                http_req_duration: ['p(95)<200', 'p(95)<5000', 'max<100000'],
                'http_req_duration{name:items}': ['avg<100', 'p(95)<5000'],
                http_req_failed: ['rate<0.5'],
                checks: ['rate>0.99']"""), "--workers", "1", "-e", env);

        List<String> summary = thresholdsSection(r.out());
        assertEquals(7, summary.size(), r.toString());
        List<String> summaryFailed = summary.stream().filter(l -> l.startsWith("✗ ")).toList();
        assertEquals(List.of(
                "✗ http_req_duration p(95)<200",
                "✗ http_req_duration{name:items} avg<100"), summaryFailed.stream().map(l -> l.substring(0, l.indexOf(": observed"))).toList(), r.toString());
        assertTrue(summary.stream().allMatch(l -> l.startsWith("✓ ") || l.startsWith("✗ ")), r.toString());

        assertEquals(99, r.exit(), r.toString());
        Matcher verdict = VERDICT.matcher(r.out());
        assertTrue(verdict.find(), r.toString());
        assertEquals(summaryFailed.size(), Integer.parseInt(verdict.group(1)), r.toString());
        assertEquals(summary.size(), Integer.parseInt(verdict.group(2)), r.toString());
        List<String> verdictFailed = r.out().substring(verdict.end()).strip().lines().map(String::strip).toList();
        assertEquals(summaryFailed, verdictFailed, "the verdict repeats the summary's failed lines: " + r);

        // One p(95), wherever it is printed: thresholds section, verdict and metric line.
        double inSummary = observedP95(String.join("\n", summary));
        double inVerdict = observedP95(r.out().substring(verdict.start()));
        assertEquals(inSummary, inVerdict, r.toString());
        Matcher line = Pattern.compile("http_req_duration\\.+ .* p\\(95\\)=([0-9.]+)ms").matcher(r.out());
        assertTrue(line.find(), r.toString());
        assertEquals(inSummary, Double.parseDouble(line.group(1)), 0.05, "metric line: " + r);
        // The request table's row is the sub-metric of its name (the warm-up requests are not in it).
        Matcher sub = Pattern.compile("http_req_duration\\{name:items} p\\(95\\)<5000: observed p\\(95\\)=([0-9.]+)").matcher(r.out());
        assertTrue(sub.find(), r.toString());
        assertEquals(Double.parseDouble(sub.group(1)), Double.parseDouble(r.requestRow("items")[8]), 0.005, "request table P95: " + r);
        String[] row = r.requestRow("items");
        assertTrue(Double.parseDouble(row[8]) <= Double.parseDouble(row[9]) && Double.parseDouble(row[9]) <= Double.parseDouble(row[10]),
                "P95 <= P99 <= MAX: " + r);
    }

    @Test
    void everyThresholdHeldExits0AndTheSummaryHasNoFailedLine() throws Exception {
        String env = baseUrl(0, 0);
        Salvo.Result r = Salvo.run("run", itemsScript("held.js", "http_req_duration: ['max<100000'], checks: ['rate==1']"),
                "--workers", "1", "-e", env);
        assertEquals(0, r.exit(), r.toString());
        List<String> summary = thresholdsSection(r.out());
        assertEquals(2, summary.size(), r.toString());
        assertTrue(summary.stream().allMatch(l -> l.startsWith("✓ ")), r.toString());
        assertFalse(r.out().contains("FAILED"), r.toString());
        assertTrue(r.out().strip().endsWith("PASSED: 2 thresholds held"), r.toString());
    }

    /** The stripped ✓/✗ lines of the summary's {@code thresholds} section. */
    static List<String> thresholdsSection(String out) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.equals("  thresholds")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static double observedP95(String text) {
        Matcher m = OBSERVED_P95.matcher(text);
        assertTrue(m.find(), "no observed p(95) in " + text);
        return Double.parseDouble(m.group(1));
    }
}
