package dev.salvo.dsl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/compose/docker-compose.yml without Docker (there is no engine here): each salvo service's
 * command runs with its environment, as the image's entrypoint would run it, against the demo target on
 * loopback. Only what a test must change is changed: the target's address, the time, 127.0.0.1 and
 * port 0 instead of 0.0.0.0:8089, the results folder.
 */
class ComposeExampleTest {
    /** The checkout: tests run in dsl/. */
    private static final Path ROOT = Files.isDirectory(Path.of("../examples/compose")) ? Path.of("..").toAbsolutePath().normalize()
            : Path.of("").toAbsolutePath();
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");
    private static DemoServer target;
    @TempDir Path dir;

    @BeforeAll
    static void startTarget() throws Exception {
        target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static JsonNode service(String name) throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("examples/compose/docker-compose.yml").toFile());
        return compose.path("services").path(name);
    }

    /** The service's environment as compose gives it with no variable set (each ${X:-default} is its default). */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").fields().forEachRemaining(e -> {
            Matcher m = DEFAULT.matcher(e.getValue().asText());
            env.put(e.getKey(), m.replaceAll("$1"));
        });
        return env;
    }

    /** The command, its script in examples/compose (the image's working folder holds it). */
    private static String[] command(JsonNode service) {
        List<String> args = new ArrayList<>();
        service.path("command").forEach(c -> args.add(c.asText().endsWith(".js") ? ROOT.resolve("examples/compose").resolve(c.asText()).toString() : c.asText()));
        return args.toArray(String[]::new);
    }

    @Test
    void theHeadlessProfileRunsBothUsersFromTheVariablesAndWritesResults() throws Exception {
        JsonNode headless = service("salvo-headless");
        assertEquals("headless", headless.path("profiles").get(0).asText());
        Map<String, String> env = environment(headless);
        assertEquals("browse,buy", env.get("SALVO_SCENARIO"));
        assertEquals("http://target:8000", env.get("SALVO_HOST"));
        env.put("SALVO_HOST", target.env().get("BASE_URL"));
        env.put("SALVO_RUN_TIME", "3s");
        env.put("SALVO_OUT", dir.resolve("results").toString());
        Salvo.Result r = Salvo.run(env, command(headless));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("scenario browse") && r.out().contains("scenario buy"), r.toString());
        assertTrue(r.passes("list is 200") > 0 && r.passes("created") > 0, r.toString());
        assertTrue(Files.readString(dir.resolve("results/stats.csv")).contains(",Aggregated,"));
    }

    @Test
    void theWebServiceWaitsForTheBrowserWithTheVariablesAsItsPlan() throws Exception {
        JsonNode web = service("salvo");
        Map<String, String> env = environment(web);
        assertEquals("true", env.get("SALVO_WEB"));
        assertEquals("0.0.0.0", env.get("SALVO_WEB_HOST"));
        assertTrue(web.path("ports").toString().contains("8089:8089"), web.toString());
        assertEquals("", env.get("SALVO_WEB_AUTH"), "empty: unset");
        env.put("SALVO_HOST", target.env().get("BASE_URL"));
        env.put("SALVO_WEB_HOST", "127.0.0.1");
        env.put("SALVO_WEB_PORT", "0");
        env.put("SALVO_METRICS_PORT", "0");
        env.put("SALVO_OUT", dir.resolve("results").toString());
        try (WebSession session = WebSession.withEnv(env, command(web))) {
            JsonNode plan = session.state().path("plan");
            assertEquals(2, plan.path("scenarios").size(), plan.toString());
            assertEquals("browse", plan.at("/scenarios/0/exec").asText());
            assertEquals(20, plan.path("maxVus").asInt(), "SALVO_USERS=20 shared by the two users");
            assertEquals(200, session.post("api/start", "{\"vus\": 2, \"duration\": \"20s\"}").status());
            session.await(s -> s.path("vus").asInt() == 2, "2 VUs");
            assertEquals(200, session.post("api/stop", "").status());
            session.await(s -> s.path("phase").asText().equals("finished"), "finished");
            assertEquals(0, session.quit(), session.toString());
            assertTrue(Files.isRegularFile(dir.resolve("results/summary.json")));
        }
    }
}
