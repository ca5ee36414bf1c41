package dev.salvo.engine.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium for the tests of salvo's pages: loads a file with no network and
 * dumps the DOM after its scripts ran. Skips the test when Chromium is missing, unless
 * {@code SALVO_REQUIRE_CHROMIUM=1} (set by .ci/run, which installs it).
 */
public final class Chromium {
    private Chromium() {}

    public static Path chromium() {
        for (String c : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(c))) return Path.of(c);
        }
        return null;
    }

    /** The DOM after the page's scripts ran, from headless Chromium. */
    public static String render(Path html, Path work) throws Exception {
        Path browser = chromium();
        assumeTrue(browser != null || "1".equals(System.getenv("SALVO_REQUIRE_CHROMIUM")), "chromium is not installed");
        assertTrue(browser != null, "SALVO_REQUIRE_CHROMIUM=1 but no chromium found");
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--enable-logging=stderr", "--virtual-time-budget=5000",
                "--window-size=1400,1000", "--user-data-dir=" + work.resolve("profile"), "--dump-dom", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve("stderr").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        String stderr = Files.readString(work.resolve("stderr"));
        assertTrue(dom.contains("data-charts="), "the page's script did not finish: " + dom.length() + " chars; " + stderr);
        assertFalse(stderr.contains("Uncaught"), stderr);
        return dom;
    }

    public static String attribute(String dom, String tag, String name) {
        Matcher m = Pattern.compile("<" + tag + "\\b[^>]*\\b" + name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }
}
