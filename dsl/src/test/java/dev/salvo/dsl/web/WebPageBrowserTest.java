package dev.salvo.dsl.web;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser (Debian's headless Chromium, driven through the DevTools protocol): a
 * person's session against the demo target. Start 5 VUs, see the charts update, raise to 10 and see the VU
 * chart follow, stop, download stats.csv and find its Aggregated row equal to /api/stats. Screenshots go
 * to dsl/target/web-screenshots/ (docs/img/web-*.png are copies). Skipped without Chromium unless
 * {@code SALVO_REQUIRE_CHROMIUM=1} (.ci/run).
 */
class WebPageBrowserTest {
    @TempDir Path dir;

    private static final Path SHOTS = Path.of("target", "web-screenshots");

    @Test
    void aPersonStartsRaisesStopsAndDownloadsTheStats() throws Exception {
        Path chromium = DevTools.chromium();
        assumeTrue(chromium != null || "1".equals(System.getenv("SALVO_REQUIRE_CHROMIUM")), "chromium is not installed");
        String file = script(dir, "shop.js", """
                import http from 'salvo/http';
                import { check, env, sleep } from 'salvo';
                export const options = { vus: 1, duration: '2m', thresholds: { http_req_duration: ['p(95)<2000'], http_req_failed: ['rate<0.2'] } };
                export default async function () {
                  const list = await http.get(`${env.BASE_URL}/api/items?page=1&size=10`, { tags: { name: 'list items' } });
                  check(list, { 'list is 200': (r) => r.status === 200 });
                  await http.get(`${env.BASE_URL}/api/items/1`, { tags: { name: 'get item' } });
                  await sleep(0.1);
                }
                """);
        Path downloads = dir.resolve("downloads");
        Files.createDirectories(downloads);
        try (WebSession web = new WebSession(null, "run", file, "--demo", "--web", "--web-port", "0", "--no-progress");
             DevTools page = new DevTools(chromium, dir.resolve("profile"))) {
            page.navigate(web.base);
            page.await("window.salvo && salvo.phase === 'waiting'", "the waiting run");
            page.eval("document.getElementById('start-vus').value = '5'; document.getElementById('start').click(); true");
            page.await("salvo.phase === 'running'", "the run under way");
            page.await("salvo.charts.vus.data.datasets[0].data.slice(-1)[0] === 5", "5 VUs on the VU chart");
            int before = page.eval("salvo.charts.rps.data.labels.length").asInt();
            page.await("salvo.charts.rps.data.labels.length >= " + (before + 3), "the charts updating every second");
            page.await("salvo.charts.rps.data.datasets[0].data.slice(-1)[0] > 0", "requests per second");
            page.await("document.querySelectorAll('#requests tbody tr').length === 3", "two requests and the Aggregated row");

            page.await("document.getElementById('load-form').hidden === false && salvo.loads.length === 1", "the load form");
            page.eval("document.getElementById('load-target').value = '10'; document.getElementById('apply').click(); true");
            page.await("salvo.charts.vus.data.datasets[0].data.slice(-1)[0] === 10", "the VU chart following to 10");
            assertEquals(10, web.state().path("vus").asInt());
            page.await("salvo.charts.latency.data.datasets[2].data.filter((v) => v !== null).length >= 3", "p99 points");
            page.screenshot(SHOTS.resolve("web-running.png"));

            page.eval("document.getElementById('stop').click(); true");
            page.await("salvo.phase === 'finished'", "the finished run");
            page.await("document.getElementById('phase').textContent.includes('PASSED')", "the verdict");
            page.screenshot(SHOTS.resolve("web-finished.png"));

            page.downloadTo(downloads);
            page.eval("document.querySelector('a[href=\"download/stats.csv\"]').click(); true");
            Path csv = downloads.resolve("stats.csv");
            for (int i = 0; i < 100 && !Files.isRegularFile(csv); i++) Thread.sleep(100);
            assertTrue(Files.isRegularFile(csv), "stats.csv was downloaded");
            List<String> rows = Files.readAllLines(csv);
            String aggregated = rows.stream().filter(r -> r.startsWith(",Aggregated,")).findFirst().orElseThrow();
            String[] cells = aggregated.split(",");
            JsonNode agg = web.get("api/stats").json().path("aggregated");
            assertEquals(agg.path("count").asLong(), Long.parseLong(cells[2]), aggregated + " vs " + agg);
            assertEquals(agg.path("failures").asLong(), Long.parseLong(cells[3]), aggregated + " vs " + agg);
            assertEquals(Math.round(agg.path("p50").asDouble()), Long.parseLong(cells[4]), "median: " + aggregated + " vs " + agg);
            assertEquals(agg.path("max").asDouble(), Double.parseDouble(cells[7]), 1e-9, "max: " + aggregated + " vs " + agg);
            assertTrue(agg.path("count").asLong() > 50, agg.toString());
            assertEquals(0, web.quit(), web.toString());
        }
    }
}
