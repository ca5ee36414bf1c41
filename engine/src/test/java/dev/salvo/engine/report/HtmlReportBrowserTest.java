package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metrics;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * report.html in a real browser: Debian's headless Chromium loads the file with no network, runs
 * the inlined chart.js, and every chart paints pixels. Skipped when Chromium is missing, unless
 * {@code SALVO_REQUIRE_CHROMIUM=1} (set by .ci/run, which installs it).
 */
class HtmlReportBrowserTest {
    @TempDir Path dir;

    static Path chromium() {
        for (String c : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(c))) return Path.of(c);
        }
        return null;
    }

    @Test
    void reportRendersEveryChartOfflineWithoutScriptErrors() throws Exception {
        Path browser = chromium();
        assumeTrue(browser != null || "1".equals(System.getenv("SALVO_REQUIRE_CHROMIUM")), "chromium is not installed");
        assertTrue(browser != null, "SALVO_REQUIRE_CHROMIUM=1 but no chromium found");

        Metrics m = ReportFixture.metrics(3);
        Timeline timeline = new Timeline();
        long t0 = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        timeline.onInterval(new Interval(t0, t0 + 1000, m.takeIntervals()));
        Summary s = ReportFixture.summary(m, "{\"http_req_duration\": [\"p(95)<50\"]}");
        Path html = dir.resolve("report.html");
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            HtmlReport.write(s, new RunEnd(99, "completed", null), "fixture.js", timeline.points(), w);
        }
        String page = Files.readString(html);
        assertFalse(Pattern.compile("(src|href)=\"https?:").matcher(page).find(), "the page must not load anything from the network");

        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--enable-logging=stderr", "--virtual-time-budget=5000",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        String stderr = Files.readString(dir.resolve("stderr"));
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertTrue(body.find(), "no body in the DOM: " + dom.length() + " chars; " + stderr);
        String attrs = body.group(1);
        assertFalse(attrs.contains("data-error"), attrs);
        assertFalse(stderr.contains("Uncaught"), stderr);
        assertTrue(attrs.contains("data-charts=\"4\""), attrs + "\n" + stderr);
        Matcher painted = Pattern.compile("data-painted=\"([0-9,]+)\"").matcher(attrs);
        assertTrue(painted.find(), attrs);
        for (String n : painted.group(1).split(",")) assertTrue(Long.parseLong(n) > 1000, "a blank chart: " + attrs);
        assertEquals(4, dom.split("<canvas").length - 1);
        assertTrue(dom.contains("<td class=\"text\">req0</td>"), "the request table was rendered");
    }
}
