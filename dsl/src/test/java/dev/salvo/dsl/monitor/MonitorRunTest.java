package dev.salvo.dsl.monitor;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** salvo/monitor against real processes and the demo target's real endpoints, and its bad input. */
class MonitorRunTest {
    @TempDir Path dir;

    private static Process sleeper(String seconds) throws Exception {
        return new ProcessBuilder("sleep", seconds).start();
    }

    private static JsonNode metrics(Path json) throws Exception {
        return new ObjectMapper().readTree(json.toFile()).get("metrics");
    }

    @Test
    void aProcessThatExitsMidRunStopsItsSeriesWithAWarningAndTheRunGoesOn() throws Exception {
        Process p = sleeper("2");
        try {
            String file = script(dir, "process.js", """
                    import { sleep } from 'salvo';
                    import monitor from 'salvo/monitor';
                    monitor.process({ pid: %d, every: '200ms', tags: { role: 'sleeper' } });
                    export const options = { vus: 1, duration: '4s', thresholds: { sut_rss: ['value>0'], sut_threads: ['value>=1'] } };
                    export default async function () { await sleep(0.2); }
                    """.formatted(p.pid()));
            Path json = dir.resolve("summary.json");
            Salvo.Result r = Salvo.run("run", file, "--workers", "1", "--no-progress", "--json", json.toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.err().contains("salvo: warning: monitor.process: process " + p.pid() + " (sut) is gone; its series stop here"), r.toString());
            JsonNode rss = metrics(json).get("sut_rss");
            assertEquals("sleeper", rss.get("series").get(0).get("tags").get("role").asText());
            assertTrue(rss.get("values").get("max").asDouble() > 100_000, rss.toString());
            assertTrue(rss.get("values").get("first").asDouble() > 0, rss.toString());
            assertTrue(r.out().matches("(?s).*sut_rss\\.+ +\\d+  min=\\d+ max=\\d+ first=\\d+.*"), r.toString());
            assertTrue(metrics(json).has("sut_fds") && metrics(json).has("sut_cpu_seconds"), r.toString());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aPidThatDoesNotExistIsNamedInAWarningAndItsThresholdHasNoData() throws Exception {
        Process gone = sleeper("0");
        gone.waitFor(5, TimeUnit.SECONDS);
        String file = script(dir, "nopid.js", """
                import monitor from 'salvo/monitor';
                monitor.process({ pid: %d, name: 'api' });
                export const options = { iterations: 1, thresholds: { api_rss: ['growth<20'] } };
                export default function () {}
                """.formatted(gone.pid()));
        Salvo.Result r = Salvo.run("run", file, "--no-progress");
        assertEquals(99, r.exit(), r.toString());
        assertTrue(r.err().contains("monitor.process: no process with pid " + gone.pid() + " (api); its series stay empty"), r.toString());
        assertTrue(r.out().contains("api_rss growth<20: no data"), r.toString());
    }

    @Test
    void aMatchForSeveralProcessesIsRefusedListingThem() throws Exception {
        Process a = sleeper("30.4217");
        Process b = sleeper("30.4217");
        try {
            String file = script(dir, "match.js", """
                    import monitor from 'salvo/monitor';
                    monitor.process({ match: 'sleep 30\\\\.4217' });
                    export const options = { iterations: 1 };
                    export default function () {}
                    """);
            Salvo.Result r = Salvo.run("run", file, "--no-progress");
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains("monitor.process(): match 'sleep 30\\.4217' matches 2 processes; make it match one:"), r.toString());
            assertTrue(r.err().contains(a.pid() + "  sleep 30.4217") && r.err().contains(b.pid() + "  sleep 30.4217"), r.toString());
            assertTrue(r.err().contains("match.js:2"), "names the line: " + r);
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    @Test
    void prometheusAndJsonEndpointsBecomeGaugesWithLabelsAsTags() throws Exception {
        String file = script(dir, "endpoints.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                import monitor from 'salvo/monitor';
                monitor.prometheus({ url: `${env.BASE_URL}/metrics`, every: '200ms',
                                     metrics: ['jvm_memory_used_bytes{area="heap"}', 'demo_requests_total'] });
                monitor.http({ url: `${env.BASE_URL}/stats`, json: 'heapUsedBytes', name: 'demo_heap', every: '200ms' });
                export const options = {
                  vus: 1, duration: '2s',
                  thresholds: { 'jvm_memory_used_bytes{area:heap}': ['value>0'], demo_requests_total: ['value>0'], demo_heap: ['value>0'] },
                };
                export default async function () { await http.get(`${env.BASE_URL}/delay?ms=50`); }
                """);
        Path json = dir.resolve("summary.json");
        Salvo.Result r = Salvo.run("run", file, "--demo", "--workers", "1", "--no-progress", "--json", json.toString());
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.err().contains("warning"), r.toString());
        JsonNode jvm = metrics(json).get("jvm_memory_used_bytes").get("series");
        assertEquals(1, jvm.size(), "only the selected label: " + jvm);
        assertEquals("heap", jvm.get(0).get("tags").get("area").asText());
    }

    @Test
    void aDownOrMalformedEndpointIsAWarningWithTheLineAndTheRunGoesOn() throws Exception {
        String file = script(dir, "bad.js", """
                import { env, sleep } from 'salvo';
                import monitor from 'salvo/monitor';
                monitor.prometheus({ url: 'http://127.0.0.1:1/metrics', every: '500ms' });
                monitor.prometheus({ url: `${env.BASE_URL}/api/items`, every: '500ms' });
                monitor.http({ url: `${env.BASE_URL}/stats`, json: 'nothing.here', name: 'x', every: '500ms' });
                export const options = { vus: 1, duration: '2s' };
                export default async function () { await sleep(0.2); }
                """);
        Salvo.Result r = Salvo.run("run", file, "--demo", "--workers", "1", "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("salvo: warning: monitor.prometheus http://127.0.0.1:1/metrics: "), r.toString());
        assertTrue(r.err().contains("/api/items: malformed exposition text at line 1: expected a metric name at column 1; "
                + "this scrape is skipped, the run goes on"), r.toString());
        assertTrue(r.err().contains("/stats: 'nothing.here' is missing in the answer"), r.toString());
        assertTrue(r.iterationsCompleted() > 3, r.toString());
    }

    @Test
    void badMonitorOptionsAreScriptErrors() throws Exception {
        String[][] cases = {
                {"monitor.process({ pid: 1, match: 'x' })", "monitor.process(): give exactly one of pid, pidFile, match"},
                {"monitor.process({ pidd: 1 })", "monitor.process(): unknown option 'pidd' (pid, pidFile, match, name, every, tags, tree); did you mean pid?"},
                {"monitor.prometheus({ url: 'localhost:9090' })", "monitor.prometheus(): url must be an http:// or https:// URL, not 'localhost:9090'"},
                {"monitor.prometheus({ url: 'http://h/m', metrics: ['x{a=b}'] })", "monitor.prometheus(): metrics: 'x{a=b}' is not a selector"},
                {"monitor.http({ url: 'http://h/s', json: 'a' })", "monitor.http(): needs a name"},
                {"monitor.http({ url: 'http://h/s', json: 'a', name: 'g', every: '10ms' })", "monitor.http(): every must be at least 100ms, not 10ms"},
        };
        for (String[] c : cases) {
            String file = script(dir, "badopts.js", """
                    import monitor from 'salvo/monitor';
                    %s;
                    export default function () {}
                    """.formatted(c[0]));
            Salvo.Result r = Salvo.run("validate", file);
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains(c[1]), c[0] + ": " + r);
            assertFalse(r.all().contains("Exception"), r.toString());
        }
    }
}
