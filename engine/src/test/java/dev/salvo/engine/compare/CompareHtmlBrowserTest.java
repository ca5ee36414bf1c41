package dev.salvo.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.report.Chromium;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salvo compare --html}: the page overlays two runs per request in headless Chromium and marks the regression. */
class CompareHtmlBrowserTest {
    @TempDir Path dir;

    static JsonNode summary(double itemsP95, String cartRps) throws Exception {
        String request = """
                {"name": "%s", "method": "%s", "count": 1200, "failures": %d, "rps": %s,
                 "duration": {"count": 1200, "avg": 10, "min": 1, "med": %s, "max": 300, "p(90)": %s, "p(95)": %s, "p(99)": %s, "p(99.9)": %s}}""";
        String json = """
                {"schema": "salvo.summary/1", "salvo": "test", "script": "shop.js",
                 "run": {"start": "2026-01-01T00:00:00.123456Z", "durationSeconds": 60, "verdict": "PASSED"},
                 "requests": [%s, %s]}""".formatted(
                request.formatted("/items", "GET", 12, "20", 8, 15, itemsP95, itemsP95 * 2, itemsP95 * 4),
                request.formatted("/cart", "POST", 0, cartRps, 5, 9, 12, 30, 60));
        return Baselines.JSON.readTree(json);
    }

    @Test
    void thePageOverlaysBothRunsAndMarksTheRegression() throws Exception {
        JsonNode before = summary(20, "10"), after = summary(45, "10");
        Comparison c = Baselines.compare("base/summary.json", before, "now/summary.json", after, CompareOptions.DEFAULTS);
        Path html = dir.resolve("compare.html");
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            CompareHtml.write(c, before, after, w);
        }
        String dom = Chromium.render(html, dir);
        assertEquals(null, Chromium.attribute(dom, "html", "data-errors"), "errors logged by the page");
        assertEquals(null, Chromium.attribute(dom, "html", "data-warnings"), "warnings logged by the page");
        assertEquals("3", Chromium.attribute(dom, "body", "data-charts"));
        Matcher sections = Pattern.compile("data-section=\"(\\w+)\"[^>]*data-filled=\"(\\d+)\"").matcher(dom);
        int n = 0;
        for (; sections.find(); n++) assertTrue(Integer.parseInt(sections.group(2)) > 0, sections.group(1) + " is empty");
        assertEquals(4, n);
        assertTrue(dom.contains("salvo compare: REGRESSION beyond 20% in 1 of 2 requests: GET /items"), "the verdict");
        assertTrue(dom.contains("<td><span class=\"bad\">+125.0%</span></td><td><span class=\"bad\">✗ regression</span></td>"),
                "the p95 regression marked");
        assertTrue(dom.contains("started 2026-01-01 00:00:00 UTC"), "the runs described");
    }
}
