package dev.salvo.dsl.web;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} read by Prometheus's own text-format parser (Debian's python3-prometheus-client,
 * installed by .ci/run): it parses, and its counts are summary.json's.
 */
class MetricsEndpointTest {
    @TempDir Path dir;

    private String items() throws Exception {
        return script(dir, "items.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'items "quoted"' } });
                  check(r, { 'is 200': (x) => x.status === 200 });
                  await http.get(`${env.BASE_URL}/status/503`, { tags: { name: 'down' } });
                }
                """);
    }

    private JsonNode parse(String text) throws Exception {
        return PrometheusParser.parse(dir, text);
    }

    private static double sum(JsonNode families, String family, String sample) {
        return PrometheusParser.sum(families, family, sample);
    }

    @Test
    void metricsParseWithPrometheusRulesAndCountAsSummaryJsonDoes() throws Exception {
        try (WebSession web = new WebSession(null, "run", items(), "--demo", "--web", "--web-port", "0", "--autostart", "-i", "20", "--no-progress")) {
            web.await(s -> s.path("phase").asText().equals("finished"), "finished");
            WebSession.Reply metrics = web.get("metrics");
            assertEquals(200, metrics.status());
            assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
            JsonNode f = parse(metrics.body());
            JsonNode m = web.get("download/summary.json").json().path("metrics");

            assertEquals("counter", f.at("/salvo_http_reqs/type").asText(), f.toString());
            assertEquals(40, sum(f, "salvo_http_reqs", "salvo_http_reqs_total"));
            assertEquals(m.at("/http_reqs/values/count").asDouble(), sum(f, "salvo_http_reqs", "salvo_http_reqs_total"));
            assertEquals(20, sum(f, "salvo_iterations", "salvo_iterations_total"));

            assertEquals("histogram", f.at("/salvo_http_req_duration_seconds/type").asText());
            double count = sum(f, "salvo_http_req_duration_seconds", "salvo_http_req_duration_seconds_count");
            assertEquals(m.at("/http_req_duration/values/count").asDouble(), count);
            double seconds = sum(f, "salvo_http_req_duration_seconds", "salvo_http_req_duration_seconds_sum");
            double avgMs = m.at("/http_req_duration/values/avg").asDouble();
            assertEquals(avgMs * count / 1000, seconds, 1e-6, "the sum is in seconds");

            // rates: every sample and the non-zero ones (failed requests, passed checks)
            assertEquals(m.at("/http_req_failed/values/passes").asDouble(), sum(f, "salvo_http_req_failed_nonzero", "salvo_http_req_failed_nonzero_total"));
            assertEquals(20, sum(f, "salvo_http_req_failed_nonzero", "salvo_http_req_failed_nonzero_total"), "every /status/503 failed");
            assertEquals(20, sum(f, "salvo_checks", "salvo_checks_total"));
            assertEquals("gauge", f.at("/salvo_vus_max/type").asText());
            assertTrue(metrics.body().contains("name=\"items \\\"quoted\\\"\""), "label values are escaped");
            for (JsonNode s : f.at("/salvo_http_req_duration_seconds/samples")) {
                if (s.get(0).asText().endsWith("_bucket") && s.get(1).path("le").asText().equals("+Inf")) {
                    assertTrue(s.get(2).asDouble() > 0, s.toString());
                }
            }
        }
    }

    @Test
    void metricsPortServesMetricsDuringAHeadlessRun() throws Exception {
        try (WebSession run = new WebSession(null, "run", items(), "--demo", "--metrics-port", "0", "-u", "1", "-t", "3s", "--no-progress")) {
            assertTrue(run.base.matches("http://127\\.0\\.0\\.1:\\d+/"), run.base);
            double reqs = 0;
            for (int i = 0; i < 50 && reqs == 0; i++) {
                Thread.sleep(200);
                reqs = sum(parse(run.get("metrics").body()), "salvo_http_reqs", "salvo_http_reqs_total");
            }
            assertTrue(reqs > 0, "requests counted while the run goes on");
            WebSession.Reply api = run.get("api/state");
            assertEquals(404, api.status(), "only /metrics without --web");
            assertEquals(0, run.exitCode(), "the run ends by itself: " + run);
        }
    }
}
