package dev.salvo.dsl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.dsl.Salvo;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo coordinate --web --metrics-port} with real processes: the coordinator and its shards
 * ({@code bin/salvo run --segment i/N --coordinator URL}) against one demo target, the page's API and
 * {@code /metrics} read over HTTP, and (with Debian's Chromium; required when {@code SALVO_REQUIRE_CHROMIUM=1}) the page itself.
 */
class FleetWebIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FLEET = Pattern.compile("ws://127\\.0\\.0\\.1:\\d+/fleet");
    private static final Pattern WEB = Pattern.compile("web UI at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern METRICS = Pattern.compile("Prometheus metrics at (http://127\\.0\\.0\\.1:\\d+/)metrics");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path tmp;

    /** Each shard runs one VU (constant-vus is split by segment) for {@code duration}. */
    private Path plan(int vus, String duration) throws Exception {
        Path p = tmp.resolve("plan.js");
        Files.writeString(p, """
                import http from 'salvo/http';
                import { check, env, sleep } from 'salvo';
                export const options = {
                  scenarios: { load: { executor: 'constant-vus', vus: %d, duration: '%s' } },
                  thresholds: { http_req_failed: ['rate<0.01'], 'http_req_duration{name:health}': ['p(99)<10000'] },
                };
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/health`, { tags: { name: 'health' } });
                  check(r, { 'status 200': (x) => x.status === 200 });
                  await sleep(0.05);
                }
                """.formatted(vus, duration));
        return p;
    }

    @Test
    void thePageAndMetricsShowTheFleetsSumsAndEndAtTheMergedSummarysCounts() throws Exception {
        Path chromium = DevTools.chromium();
        assertTrue(chromium != null || !"1".equals(System.getenv("SALVO_REQUIRE_CHROMIUM")), "chromium is required (.ci/run) but not installed");
        Path plan = plan(3, "5s");
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
             Coordinator c = new Coordinator(plan, 3, "--metrics-port", "0");
             DevTools page = chromium == null ? null : new DevTools(chromium, tmp.resolve("profile"))) {
            // Before the shards: the fleet waits for them, and the page's start and load are not the coordinator's to give.
            JsonNode state = c.get("api/state").json();
            assertEquals("waiting", state.path("phase").asText(), state.toString());
            assertEquals(0, state.at("/fleet/connected").asInt());
            assertEquals("absent", state.at("/fleet/segments/2/state").asText());
            Reply start = c.post("api/start", "{\"vus\": 5}");
            assertEquals(409, start.status());
            assertTrue(start.json().path("error").asText().contains("when all 3 shards have connected"), start.body());
            assertEquals(409, c.post("api/stop", "{}").status());
            if (page != null) {
                page.navigate(c.web);
                page.await("window.salvo && salvo.phase === 'waiting'", "the waiting fleet");
                page.await("document.querySelectorAll('#segments tbody tr').length === 3", "three segments in the fleet table");
                assertTrue(page.eval("document.getElementById('start-form').hidden").asBoolean(), "no start form for a fleet");
            }

            c.shards(demo);
            JsonNode running = c.await(s -> s.path("phase").asText().equals("running") && s.at("/state/fleet/connected").asInt() == 3, "running");
            Reply load = c.post("api/load", "{\"vus\": 9}");
            assertEquals(409, load.status());
            assertTrue(load.contentType().startsWith("application/json"), load.contentType());
            assertTrue(load.json().path("error").asText().contains("load changes are per shard"), load.body());
            assertEquals(409, c.get("download/summary.json").status(), "no merged files before the end");
            if (page != null) {
                page.await("salvo.phase === 'running'", "the fleet under way");
                page.await("salvo.charts.rps.data.datasets[0].data.slice(-1)[0] > 0", "the fleet's requests per second");
                page.await("salvo.charts.vus.data.datasets[0].data.slice(-1)[0] === 3", "the shards' VUs summed on the VU chart");
                page.await("[...document.querySelectorAll('#segments tbody tr')].every((r) => r.cells[2].textContent === 'running')",
                        "every segment running");
                page.screenshot(Path.of("target", "web-screenshots", "fleet-running.png"));
            }
            assertTrue(running.path("thresholds").size() == 2, "the thresholds judged live: " + running.path("thresholds"));

            JsonNode end = c.await(s -> s.path("phase").asText().equals("finished"), "finished");
            JsonNode merged = JSON.readTree(tmp.resolve("fleet/summary.json").toFile());
            long requests = merged.at("/metrics/http_reqs/values/count").asLong();
            assertTrue(requests > 30, "the fleet made " + requests + " requests");
            assertEquals(requests, end.at("/aggregated/count").asLong(), "/api/stats at the end");
            assertEquals(requests, end.at("/metrics/http_reqs/values/count").asLong());
            assertEquals("completed", end.at("/state/ended").asText());
            assertEquals("done", end.at("/state/fleet/segments/0/state").asText());
            assertEquals(merged.path("metrics"), c.get("download/summary.json").json().path("metrics"), "the download is the merged file");
            long maxVus = 0;
            for (JsonNode p : end.path("history")) maxVus = Math.max(maxVus, p.path("vus").asLong());
            assertEquals(3, maxVus, "the chart's VUs are the shards' summed");

            // /metrics: the coordinator's live sums, parsed by Prometheus's parser, equal the merged result's counts.
            String text = c.metrics();
            JsonNode f = PrometheusParser.parse(tmp, text);
            JsonNode m = merged.path("metrics");
            assertEquals(requests, PrometheusParser.sum(f, "salvo_http_reqs", "salvo_http_reqs_total"), text);
            assertEquals(m.at("/http_req_duration/values/count").asDouble(),
                    PrometheusParser.sum(f, "salvo_http_req_duration_seconds", "salvo_http_req_duration_seconds_count"));
            assertEquals(m.at("/iterations/values/count").asDouble(), PrometheusParser.sum(f, "salvo_iterations", "salvo_iterations_total"));
            assertEquals(m.at("/checks/values/passes").asDouble(), PrometheusParser.sum(f, "salvo_checks_nonzero", "salvo_checks_nonzero_total"));
            if (page != null) {
                page.await("salvo.phase === 'finished'", "the finished fleet");
                page.await("[...document.querySelectorAll('#requests tbody tr.total td')].map((t) => t.textContent)[2] === '" + requests + "'",
                        "the merged request count in the Aggregated row");
                page.screenshot(Path.of("target", "web-screenshots", "fleet-finished.png"));
            }
            assertEquals(0, c.quit(), c.log());
        }
    }

    @Test
    void aStopFromTheWebUiStopsEveryShardAndTheResultSaysSo() throws Exception {
        Path plan = plan(2, "60s");
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
             Coordinator c = new Coordinator(plan, 2)) {
            c.shards(demo);
            c.await(s -> s.path("phase").asText().equals("running") && s.path("history").size() >= 2, "two fleet seconds");
            long asked = System.currentTimeMillis();
            Reply stop = c.post("api/stop", "{}");
            assertEquals(200, stop.status(), stop.body());
            assertEquals("stopping", stop.json().path("phase").asText());
            for (Process s : c.shards) {
                assertTrue(s.waitFor(30, TimeUnit.SECONDS), "a shard ran on after the stop");
                assertEquals(0, s.exitValue(), c.shardLogs());
            }
            assertTrue(System.currentTimeMillis() - asked < 15_000, "the shards took " + (System.currentTimeMillis() - asked) + " ms to stop");
            JsonNode end = c.await(s -> s.path("phase").asText().equals("finished"), "finished");
            assertEquals("stopped", end.at("/state/ended").asText(), end.path("state").toString());
            assertEquals("stopped from the web UI", end.at("/state/reason").asText());
            for (int i = 0; i < 2; i++) {
                JsonNode run = JSON.readTree(tmp.resolve("d" + i + "/summary.json").toFile()).path("run");
                assertEquals("stopped", run.path("ended").asText(), run.toString());
                assertEquals("stopped by the coordinator: stopped from the web UI", run.path("reason").asText());
            }
            JsonNode merged = JSON.readTree(tmp.resolve("fleet/summary.json").toFile()).path("run");
            assertEquals("stopped", merged.path("ended").asText(), merged.toString());
            assertEquals("stopped from the web UI", merged.path("reason").asText());
            assertEquals(409, c.post("api/stop", "{}").status(), "nothing left to stop");
            assertEquals(0, c.quit(), "the thresholds held: " + c.log());
            assertTrue(c.log().contains("the fleet was stopped from the web UI"), c.log());
        }
    }

    record Reply(int status, String body, String contentType) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    /** {@code bin/salvo coordinate PLAN --shards N --web --web-port 0 ...} and, once it listens, its shards. */
    private final class Coordinator implements AutoCloseable {
        final Path plan;
        final int count;
        final Process process;
        final Path log = tmp.resolve("fleetLog");
        final String fleet;
        final String web;
        final String metricsBase;
        final List<Process> shards = new ArrayList<>();

        Coordinator(Path plan, int count, String... extra) throws Exception {
            this.plan = plan;
            this.count = count;
            List<String> args = new ArrayList<>(List.of("coordinate", plan.toString(), "--shards", String.valueOf(count), "--port", "0",
                    "--out", tmp.resolve("fleet").toString(), "--web", "--web-port", "0"));
            args.addAll(List.of(extra));
            process = start(log, args);
            fleet = find(FLEET, 0);
            web = find(WEB, 1);
            metricsBase = extra.length > 0 ? find(METRICS, 1) : null;
        }

        private String find(Pattern p, int group) throws Exception {
            for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < until; Thread.sleep(100)) {
                Matcher m = p.matcher(log());
                if (m.find()) return m.group(group);
                assertTrue(process.isAlive(), log());
            }
            throw new AssertionError("the coordinator printed no " + p + ": " + log());
        }

        void shards(DemoServer demo) throws Exception {
            for (int i = 0; i < count; i++) {
                shards.add(start(tmp.resolve("log" + i), List.of("run", "-q", "--no-progress", "--workers", "1", "-e", "BASE_URL=" + demo.baseUrl(),
                        "--segment", i + "/" + count, "--coordinator", fleet, "--out", tmp.resolve("d" + i).toString(), plan.toString())));
            }
        }

        String log() throws Exception {
            return Files.readString(log);
        }

        String shardLogs() throws Exception {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < shards.size(); i++) b.append("--- shard ").append(i).append('\n').append(Files.readString(tmp.resolve("log" + i)));
            return b.toString();
        }

        Reply get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(web + path)).GET());
        }

        Reply post(String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(web + path)).POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        String metrics() throws Exception {
            Reply r = send(HttpRequest.newBuilder(URI.create(metricsBase + "metrics")).GET());
            assertEquals(200, r.status());
            assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
            return r.body();
        }

        private Reply send(HttpRequest.Builder b) throws Exception {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""));
        }

        /** Polls /api/stats until {@code done} holds (120 s at most). */
        JsonNode await(java.util.function.Predicate<JsonNode> done, String what) throws Exception {
            JsonNode s = null;
            for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); System.nanoTime() < until; Thread.sleep(200)) {
                s = get("api/stats").json();
                if (done.test(s)) return s;
            }
            throw new AssertionError("never " + what + ": " + (s == null ? "" : s.path("state")) + "\n" + log() + shardLogs());
        }

        /** POST /api/quit; the coordinator's exit code. */
        int quit() throws Exception {
            assertEquals(200, post("api/quit", "{}").status());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the coordinator did not exit after /api/quit: " + log());
            return process.exitValue();
        }

        @Override
        public void close() {
            for (Process p : shards) p.destroyForcibly();
            process.destroyForcibly();
        }
    }

    private static Process start(Path log, List<String> args) throws Exception {
        return Salvo.launch(log, args);
    }
}
