package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: Debian's headless Chromium loads the file with no network, runs
 * the inlined chart.js and the page's script, and every section fills with data. The page writes its
 * own errors (window.onerror, console.error, console.warn) into the DOM, which --dump-dom shows.
 */
class HtmlReportBrowserTest {
    static final List<String> SECTIONS = List.of("run", "thresholds", "overview", "requests", "distribution", "histogram",
            "phases", "custom", "websocket", "checks", "errors", "iterationErrors", "generator", "data");
    @TempDir Path dir;

    @Test
    void reportOfARichRunShowsEverySectionWithDataAndLogsNoError() throws Exception {
        Path html = dir.resolve("report.html");
        new SyntheticRun(30).writeReport(30, html);
        String page = Files.readString(html);
        assertFalse(Pattern.compile("(src|href)=\"https?:").matcher(page).find(), "the page must not load anything from the network");

        String dom = Chromium.render(html, dir);
        assertEquals(null, Chromium.attribute(dom, "html", "data-errors"), "errors logged by the page");
        assertEquals(null, Chromium.attribute(dom, "html", "data-warnings"), "warnings logged by the page");

        Map<String, Integer> filled = new LinkedHashMap<>();
        Matcher sections = Pattern.compile("<section[^>]*data-section=\"(\\w+)\"[^>]*data-filled=\"(\\d+)\"").matcher(dom);
        while (sections.find()) filled.put(sections.group(1), Integer.parseInt(sections.group(2)));
        assertEquals(SECTIONS, List.copyOf(filled.keySet()), "the sections, in order");
        filled.forEach((section, n) -> assertTrue(n > 0, "section " + section + " holds no data: " + filled));

        String painted = Chromium.attribute(dom, "body", "data-painted");
        assertEquals(14, painted.split(",").length, painted);
        for (String chart : painted.split(",")) {
            assertTrue(Long.parseLong(chart.substring(chart.indexOf(':') + 1)) > 1000, "a blank chart: " + painted);
        }
        // the header says what ran, how, and with what
        assertTrue(dom.contains("FAILED (exit 99) — browse.js"), "verdict and script");
        assertTrue(dom.contains("started 2026-01-01 00:00:00 UTC"), "the start without nanoseconds");
        assertTrue(dom.contains("<td class=\"text\">ramping-vus</td>"), "the executor of each scenario");
        assertTrue(dom.contains("JavaScript compiled"), "the JS runtime");
        // what each section shows, by a sample
        assertTrue(Pattern.compile("p\\(95\\)&lt;40</td><td>p\\(95\\)=[0-9.]+</td><td><span class=\"bad\">at \\d+ s</span>").matcher(dom).find(),
                "the breached threshold with when it first failed");
        assertTrue(dom.contains("<td class=\"text\">browse.js:42:17</td>"), "an iteration error's location");
        assertTrue(dom.contains("generator saturated"), "the saturation warning");
        assertTrue(dom.contains("<td class=\"text\">item_latency</td>") && dom.contains("<td class=\"text\">items</td>"),
                "the custom Trend and Counter");
        assertTrue(dom.contains("<td class=\"text\">ws_msgs_sent</td>"), "the WebSocket metrics");
        assertTrue(dom.contains("<tr class=\"group\"><td colspan=\"4\">group ::checkout</td></tr>"), "checks by group");
        assertTrue(dom.contains("<option value=\"2\">GET /items/{id}</option>"), "the request selector");
    }
}
