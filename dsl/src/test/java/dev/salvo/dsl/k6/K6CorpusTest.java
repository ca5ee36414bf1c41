package dev.salvo.dsl.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.Salvo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every script of the k6 corpus (src/test/resources/k6-corpus, origins in its SOURCES.md) runs unmodified
 * through salvo against a loopback stand-in for the hosts it calls: those listed as passing exit 0 with
 * every check passing and no iteration error; those listed as not yet running still fail, for the reason
 * docs/k6.md gives (so a fix shows up here and moves the script to the passing list).
 */
class K6CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/k6-corpus");
    /** Scripts that run as they are: the number of distinct checks each has. */
    static final Map<String, Integer> PASSING = new LinkedHashMap<>();
    /** Scripts that do not run yet, and a text their output shows (the unsupported API). */
    static final Map<String, String> NOT_YET = new LinkedHashMap<>();

    static {
        PASSING.put("base64.js", 8);
        PASSING.put("http_get.js", 0);
        PASSING.put("http_verbs.js", 2);
        PASSING.put("json.js", 2);
        PASSING.put("html_form_post.js", 6);
        PASSING.put("http_basic_auth.js", 3);
        PASSING.put("custom_metrics.js", 1);
        PASSING.put("tagging.js", 1);
        PASSING.put("thresholds.js", 0);
        PASSING.put("http_batch.js", 3);
        PASSING.put("redirects.js", 3);
        PASSING.put("logging.js", 0);
        PASSING.put("graphql.js", 0);
        PASSING.put("tls_skip_cert_verification.js", 1);
        PASSING.put("timers.js", 0);
        PASSING.put("jwt.js", 0); // signs and verifies a token with createHMAC: a mismatch throws
        PASSING.put("crypto.js", 0);
        PASSING.put("custom_handle_summary.js", 1); // its handleSummary() writes ./data/summary.json and summary2.json
        PASSING.put("qp_01_basic.js", 1); // 5 VUs for 5 s
        PASSING.put("qp_06_checks_with_thresholds.js", 1); // 20 s of stages, thresholds on a custom trend
        PASSING.put("qp_09_data.js", 1); // 30 s, two scenarios, SharedArray from open(), handleSummary with textSummary
        PASSING.put("qp_10_summary.js", 1); // 20 s, handleSummary: summary.json and textSummary on stdout
        PASSING.put("qp_17_login_action.js", 4); // res.cookies: a CSRF cookie sent back in the login body
        PASSING.put("docs_cookies_vu_jar.js", 3);
        PASSING.put("docs_cookies_log.js", 0);
        PASSING.put("docs_cookies_delete.js", 9);
        PASSING.put("docs_cookies_clear.js", 4);
        PASSING.put("docs_cookiejar.js", 4);
        PASSING.put("docs_cookiejar_clear.js", 0);
        PASSING.put("docs_cookiejar_cookiesforurl.js", 2);
        PASSING.put("docs_parse_html.js", 0);
        PASSING.put("docs_parse_html_elements.js", 0);
        PASSING.put("docs_selection_each.js", 0);
        PASSING.put("docs_selection_children.js", 0);
        PASSING.put("docs_summary_median.js", 0);
        PASSING.put("docs_summary_text.js", 0);
        PASSING.put("websocket.js", 1); // k6/ws: 2 s of echoes and pings against the demo target's /ws/echo
        // cookies.js's last group sets a cookie for domain httpbin.org on the stand-in's 127.0.0.1: k6 drops it
        // (and fails the check that follows), salvo refuses it with an error
        NOT_YET.put("cookies.js", "domain 'httpbin.org' does not cover the URL's host");
    }

    static K6StandIn standIn;
    @TempDir Path dir;

    @BeforeAll
    static void start() throws IOException {
        standIn = new K6StandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    /** What handleSummary() of the corpus writes, relative to the working directory as k6 does: removed after each run. */
    static final List<String> SUMMARY_FILES = List.of("summary.json", "summary2.json", "data/summary.json");
    /** Text a script's handleSummary() prints to stdout. */
    static final Map<String, String> SUMMARY_STDOUT = Map.of(
            "docs_summary_median.js", "The median latency was ",
            "docs_summary_text.js", "http_req_duration",
            "qp_10_summary.js", "quickpizza_ingredients",
            "qp_09_data.js", "quickpizza_ingredients");

    /** A run of one corpus script, with salvo's summary.json beside it: its checks, whatever handleSummary() printed. */
    record Run(Salvo.Result result, JsonNode summary, Map<String, String> written) {
        /** Check name to [passes, fails], from salvo's summary.json. */
        Map<String, long[]> checks() {
            Map<String, long[]> out = new LinkedHashMap<>();
            for (JsonNode c : summary.get("checks")) {
                long[] n = out.computeIfAbsent(c.get("name").asText(), k -> new long[2]);
                n[0] += c.get("passes").asLong();
                n[1] += c.get("fails").asLong();
            }
            return out;
        }
    }

    private Run run(String name) throws IOException {
        return runIn(standIn, dir, name, false);
    }

    /**
     * The corpus script {@code name} pointed at {@code standIn}, run from {@code dir}; with {@code convert}, first
     * converted by {@code salvo convert k6} and the converted script run instead.
     */
    static Run runIn(K6StandIn standIn, Path dir, String name, boolean convert) throws IOException {
        String text = Files.readString(CORPUS.resolve(name)).replace("stand-in.test", standIn.authority())
                .replace("echo.ws.test", standIn.wsAuthority());
        Path script = dir.resolve(name);
        Files.writeString(script, text);
        if (convert) {
            Path original = dir.resolve("k6-" + name);
            Files.move(script, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Salvo.Result c = Salvo.run("convert", "k6", original.toString(), "-o", script.toString());
            assertEquals(0, c.exit(), c.toString());
            assertFalse(dev.salvo.dsl.script.K6Source.isK6(Files.readString(script)), "still imports k6: " + Files.readString(script));
        }
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.copy(CORPUS.resolve("data/tokens.json"), data.resolve("tokens.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path json = dir.resolve("salvo-summary.json");
        try {
            Salvo.Result r = Salvo.run("run", script.toString(), "--workers", "1", "--no-progress", "--json", json.toString());
            Map<String, String> written = new LinkedHashMap<>();
            for (String f : SUMMARY_FILES) {
                if (Files.exists(Path.of(f))) written.put(f, Files.readString(Path.of(f)));
            }
            return new Run(r, Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null, written);
        } finally {
            for (String f : SUMMARY_FILES) Files.deleteIfExists(Path.of(f));
            Path d = Path.of("data");
            if (Files.isDirectory(d)) try (Stream<Path> left = Files.list(d)) {
                if (left.findAny().isEmpty()) Files.delete(d);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScriptOfTheCorpusIsListed() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted().toList();
            return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> assertTrue(PASSING.containsKey(n) || NOT_YET.containsKey(n)
                            || n.equals("es6sample.js") || n.equals("localhost.js"),
                    n + " is in the corpus but in neither list of K6CorpusTest")));
        }
    }

    @TestFactory
    Stream<DynamicTest> passingScriptsRunAsTheyAreWithEveryCheckPassing() {
        return PASSING.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            assertPasses(run(e.getKey()), e.getKey(), 0);
        }));
    }

    /** The run of corpus script {@code name} exited {@code exit} with its checks all passing and no iteration error. */
    static void assertPasses(Run run, String name, int exit) {
        Salvo.Result r = run.result();
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(PASSING.get(name), run.checks().size(), r.toString());
        run.checks().forEach((check, counts) -> assertEquals(0, counts[1], "check '" + check + "' failed: " + r));
        assertFalse(r.all().contains("iteration error"), r.toString());
        assertFalse(r.all().contains("TypeError"), r.toString());
        String stdout = SUMMARY_STDOUT.get(name);
        if (stdout != null) assertTrue(r.out().contains(stdout), r.toString());
    }

    /** Its handleSummary() writes k6's data object to two files, one in a folder it creates; no console summary then. */
    @Test
    void customHandleSummaryWritesKsixDataToTheFilesItNames() throws IOException {
        Run run = run("custom_handle_summary.js");
        assertEquals(0, run.result().exit(), run.result().toString());
        assertEquals(java.util.Set.of("summary2.json", "data/summary.json"), run.written().keySet(), run.result().toString());
        JsonNode data = new ObjectMapper().readTree(run.written().get("data/summary.json"));
        assertEquals("trend", data.at("/metrics/http_req_duration/type").asText());
        assertEquals("time", data.at("/metrics/http_req_duration/contains").asText());
        assertTrue(data.at("/metrics/http_req_duration/values/p(95)").isNumber(), data.toString());
        assertEquals(1, data.at("/metrics/http_reqs/values/count").asLong());
        assertEquals(1, data.at("/root_group/checks/0/passes").asLong(), data.toString());
        assertEquals("status is 200", data.at("/root_group/checks/0/name").asText());
        assertTrue(data.at("/state/testRunDurationMs").asDouble() > 0, data.toString());
        assertFalse(run.result().out().contains("checks"), "salvo's summary is left out: " + run.result());
    }

    /**
     * es6sample.js as k6 runs it: "always fails" fails by design, two checks are random; its my_rate threshold
     * (rate>=0.4 over one random sample) passes or not, and the exit code follows it (0 or 99).
     */
    @Test
    void es6sampleRunsAsKsixWithItsChecksFailingByDesign() throws IOException {
        Run run = run("es6sample.js");
        Salvo.Result r = run.result();
        Map<String, long[]> checks = run.checks();
        assertEquals(1, checks.get("always fails")[1], r.toString());
        for (String ok : List.of("status is 200", "X-Test header is correct", "content type is html", "welcome message is correct",
                "always passes", "random value is < 0.5")) {
            assertEquals(0, checks.get(ok)[1], ok + ": " + r);
        }
        boolean rateOk = false;
        for (JsonNode t : run.summary().get("thresholds")) if (t.get("metric").asText().equals("my_rate")) rateOk = t.get("passed").asBoolean();
        assertEquals(rateOk ? 0 : 99, r.exit(), r.toString());
        assertTrue(r.out().contains("This is a replacement"), "res.html(selector).text() logged: " + r);
        assertFalse(r.all().contains("iteration error"), r.toString());
    }

    /**
     * localhost.js: 3 requests in one iteration, and a threshold {@code http_reqs rate>100}, which breaches: salvo's
     * run lasts at least until its 250 ms check for the scenarios' end, and the iteration runs cold GraalJS code
     * (docs/k6.md). Every check passes, no other threshold fails, and the exit code follows that one threshold.
     */
    @Test
    void localhostBreachesOnlyItsRateThresholdIfAny() throws IOException {
        Run run = run("localhost.js");
        Salvo.Result r = run.result();
        run.checks().forEach((check, counts) -> assertEquals(0, counts[1], "check '" + check + "' failed: " + r));
        assertEquals(3, run.checks().get("status is 200")[0], r.toString());
        boolean rateOk = true;
        for (JsonNode t : run.summary().get("thresholds")) {
            if (t.get("metric").asText().equals("http_reqs")) rateOk = t.get("passed").asBoolean();
            else assertTrue(t.get("passed").asBoolean(), t + ": " + r);
        }
        assertEquals(rateOk ? 0 : 99, r.exit(), r.toString());
    }

    @TestFactory
    Stream<DynamicTest> scriptsNotYetSupportedFailForTheDocumentedReason() {
        return NOT_YET.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Salvo.Result r = run(e.getKey()).result();
            assertTrue(r.all().contains(e.getValue()), r.toString());
        }));
    }
}
