package dev.salvo.dsl.web;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.dsl.Salvo;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salvo run --web}: the JSON API against the demo target, its errors, basic auth, and the bad flags. */
class WebApiTest {
    @TempDir Path dir;

    private String items() throws Exception {
        return script(dir, "items.js", """
                import http from 'salvo/http';
                import { check, env, sleep } from 'salvo';
                export const options = { vus: 1, duration: '1m', thresholds: { http_req_failed: ['rate<0.5'] } };
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'items' } });
                  check(r, { 'is 200': (x) => x.status === 200 });
                  await sleep(0.05);
                }
                """);
    }

    @Test
    void theApiStartsChangesStopsAndServesTheResults() throws Exception {
        try (WebSession web = new WebSession(null, "run", items(), "--demo", "--web", "--web-port", "0", "--no-progress")) {
            assertTrue(web.err().contains("waiting for a start"), web.toString());
            JsonNode waiting = web.state();
            assertEquals("waiting", waiting.path("phase").asText(), waiting.toString());
            assertEquals("constant-vus", waiting.at("/plan/scenarios/0/executor").asText(), waiting.toString());

            WebSession.Reply started = web.post("api/start", "{\"vus\": 2, \"duration\": \"30s\"}");
            assertEquals(200, started.status(), started.body());
            web.await(s -> s.path("vus").asInt() == 2, "2 VUs");
            JsonNode load = web.state().at("/loads/0");
            assertEquals("vus", load.path("unit").asText(), load.toString());
            assertEquals(2, load.path("target").asInt(), load.toString());

            WebSession.Reply raised = web.post("api/load", "{\"vus\": 4}");
            assertEquals(200, raised.status(), raised.body());
            web.await(s -> s.path("vus").asInt() == 4, "4 VUs after POST /api/load");

            assertEquals(200, web.post("api/stop", "").status());
            JsonNode end = web.await(s -> s.path("phase").asText().equals("finished"), "finished after POST /api/stop");
            assertEquals("stopped", end.path("ended").asText(), end.toString());
            assertEquals(0, end.path("exitCode").asInt(), end.toString());

            JsonNode stats = web.get("api/stats").json();
            long count = stats.at("/aggregated/count").asLong();
            assertTrue(count > 0, stats.toString());
            assertEquals(count, stats.at("/metrics/http_reqs/values/count").asLong(), "the same numbers as summary.json's");
            String csv = web.get("download/stats.csv").body();
            assertTrue(csv.contains(",Aggregated," + count + ",0,"), csv);
            JsonNode summary = web.get("download/summary.json").json();
            assertEquals("salvo.summary/1", summary.path("schema").asText());
            assertEquals(count, summary.at("/metrics/http_reqs/values/count").asLong());
            assertEquals("stopped", summary.at("/run/ended").asText());
            WebSession.Reply html = web.get("download/report.html");
            assertTrue(html.contentType().startsWith("text/html") && html.body().contains("<canvas"), html.contentType());
            assertTrue(web.get("download/stats_history.csv").body().startsWith("Timestamp,User Count,"));
            assertEquals(409, web.post("api/start", "{}").status(), "one run per salvo");
            assertEquals(0, web.quit(), web.toString());
        }
    }

    @Test
    void theRunsLengthChangesWhileItRuns() throws Exception {
        try (WebSession web = new WebSession(null, "run", items(), "--demo", "--web", "--web-port", "0", "--no-progress")) {
            assertEquals(200, web.post("api/start", "{\"vus\": 2, \"duration\": \"4s\"}").status());
            JsonNode running = web.await(s -> s.path("loads").size() == 1, "running, its load offered");
            assertEquals(4.0, running.at("/loads/0/endSeconds").asDouble(), 1e-9, running.toString());
            WebSession.Reply longer = web.post("api/load", "{\"duration\": \"1m\"}");
            assertEquals(200, longer.status(), longer.body());
            assertEquals(60.0, longer.json().at("/loads/0/endSeconds").asDouble(), 1e-9, longer.body());
            Thread.sleep(5_000);
            JsonNode later = web.state();
            assertEquals("running", later.path("phase").asText(), "still running past the 4 s first planned: " + later);
            assertEquals(2, later.path("vus").asInt(), later.toString());
            double now = later.path("elapsedSeconds").asDouble();
            WebSession.Reply sooner = web.post("api/load", "{\"duration\": \"" + (long) Math.ceil(now + 2) + "s\", \"vus\": 3}");
            assertEquals(200, sooner.status(), sooner.body());
            JsonNode end = web.await(s -> s.path("phase").asText().equals("finished"), "finished at the shortened end");
            assertEquals("completed", end.path("ended").asText(), end.toString());
            double seconds = end.path("elapsedSeconds").asDouble();
            assertTrue(seconds > now + 1 && seconds < now + 4, "ended at the new length, " + (now + 2) + " s: " + end);
            assertEquals(0, end.path("exitCode").asInt(), end.toString());
            assertEquals(0, web.quit(), web.toString());
        }
    }

    @Test
    void anArrivalRateStartsAtTheAskedRateAndChangesWhileItRuns() throws Exception {
        String open = script(dir, "open.js", """
                import { check } from 'salvo';
                export const options = { scenarios: { api: { executor: 'constant-arrival-rate', rate: 5, duration: '1m',
                  preAllocatedVUs: 2, maxVUs: 20 } } };
                export default function () { check(1, { ran: () => true }); }
                """);
        try (WebSession web = new WebSession(null, "run", open, "--web", "--web-port", "0", "--no-progress")) {
            assertEquals(200, web.post("api/start", "{\"rate\": 20}").status());
            JsonNode started = web.await(s -> s.path("loads").size() == 1 && s.at("/loads/0/target").asDouble() == 20, "the rate asked for");
            assertEquals("rate", started.at("/loads/0/unit").asText(), started.toString());
            WebSession.Reply vus = web.post("api/load", "{\"vus\": 3}");
            assertEquals(400, vus.status(), vus.body());
            assertTrue(vus.json().path("error").asText().contains("vus: no running scenario takes vus; there are: api (rate)"), vus.body());
            assertEquals(200, web.post("api/load", "{\"rate\": 40, \"scenario\": \"api\"}").status());
            web.await(s -> s.at("/loads/0/target").asDouble() == 40, "the new rate");
            assertEquals(200, web.post("api/stop", "").status());
            web.await(s -> s.path("phase").asText().equals("finished"), "finished");
            assertTrue(web.get("api/stats").json().at("/checks/0/passes").asLong() > 0);
        }
    }

    @Test
    void badRequestsGetAStatusAndAJsonErrorNeverAStackTrace() throws Exception {
        try (WebSession web = new WebSession(null, "run", items(), "--demo", "--web", "--web-port", "0", "--no-progress")) {
            String[][] cases = {
                    {"api/start", "{\"vus\": ", "400", "the body is not JSON"},
                    {"api/start", "[1, 2]", "400", "the body must be a JSON object"},
                    {"api/start", "{\"users\": 3}", "400", "unknown key users; known: duration, rate, spawnRate, vus"},
                    {"api/start", "{\"vus\": \"many\"}", "400", "vus: must be a whole number >= 1, not \"many\""},
                    {"api/start", "{\"vus\": 0}", "400", "vus: must be a whole number >= 1"},
                    {"api/start", "{\"duration\": \"10x\"}", "400", "duration: "},
                    {"api/start", "{\"vus\": 2, \"rate\": 5}", "400", "not both"},
                    {"api/start", "{\"rate\": 5}", "400", "the plan has no arrival-rate scenario (default (constant-vus))"},
                    {"api/start", "{\"spawnRate\": 5}", "400", "spawnRate needs vus"},
                    {"api/load", "{\"vus\": 3}", "409", "the run is not under way (waiting)"},
                    {"api/stop", "", "409", "nothing runs yet"},
                    {"api/frobnicate", "", "404", "no such endpoint: /api/frobnicate"},
            };
            for (String[] c : cases) {
                WebSession.Reply r = web.post(c[0], c[1]);
                assertEquals(Integer.parseInt(c[2]), r.status(), c[0] + " " + c[1] + " → " + r.body());
                assertEquals("application/json", r.contentType(), r.body());
                String error = r.json().path("error").asText();
                assertTrue(error.contains(c[3]), c[0] + " " + c[1] + " → " + error);
                assertFalse(r.body().contains("Exception") || r.body().contains("at dev."), r.body());
            }
            WebSession.Reply get = web.get("api/start");
            assertEquals(405, get.status(), get.body());
            assertEquals(404, web.get("nowhere.html").status());
            assertEquals(409, web.get("download/stats.csv").status(), "no results before the start");
            assertEquals("waiting", web.state().path("phase").asText(), "nothing started");

            assertEquals(200, web.post("api/start", "{\"vus\": 1, \"duration\": \"20s\"}").status());
            web.await(s -> s.path("loads").size() == 1, "running, its load offered");
            String[][] running = {
                    {"{\"vus\": -1}", "vus: must be a whole number >= 0"},
                    {"{\"rate\": 10}", "rate: no running scenario takes rate; there are: default (vus)"},
                    {"{\"vus\": 2, \"scenario\": \"api\"}", "no running scenario 'api' whose load can change; there are: default (vus)"},
                    {"{}", "give vus (closed models), rate (arrival rates) or duration (the run's new length, as -t)"},
                    {"{\"vus\": 2, \"rate\": 5}", "give one of vus (closed models) or rate (arrival rates), not both"},
                    {"{\"vus\": 2, \"ramp\": \"soon\"}", "ramp: "},
                    {"{\"ramp\": \"5s\", \"duration\": \"5m\"}", "ramp: goes with vus or rate"},
                    {"{\"duration\": \"1s\"}", "duration: the run has been going for "},
                    {"{\"duration\": \"later\"}", "duration: "},
            };
            for (String[] c : running) {
                WebSession.Reply r = web.post("api/load", c[0]);
                assertEquals(400, r.status(), c[0] + " → " + r.body());
                assertTrue(r.json().path("error").asText().contains(c[1]), c[0] + " → " + r.body());
            }
            assertEquals(200, web.post("api/stop", "").status());
        }
    }

    @Test
    void basicAuthGuardsThePageTheApiAndMetrics() throws Exception {
        String noop = script(dir, "noop.js", "export default function () {}\n");
        try (WebSession web = new WebSession("ops:s3cret", "run", noop, "--web", "--web-port", "0", "--web-auth", "ops:s3cret", "-i", "1")) {
            assertEquals(200, web.get("api/state").status());
            assertEquals(200, web.get("metrics").status());
            try (WebSession anonymous = WebSession.client(web.base, null); WebSession wrong = WebSession.client(web.base, "ops:guess")) {
                for (String path : new String[] {"", "api/state", "metrics", "download/stats.csv"}) {
                    WebSession.Reply r = anonymous.get(path);
                    assertEquals(401, r.status(), path);
                    assertTrue(r.json().path("error").asText().contains("authentication required"), r.body());
                    assertEquals(401, wrong.get(path).status(), path);
                }
                assertEquals(401, anonymous.post("api/start", "{}").status());
            }
            assertEquals("waiting", web.state().path("phase").asText());
        }
    }

    @Test
    void autostartRunsAtOnceAndThePageKeepsTheResultsUntilQuit() throws Exception {
        String checks = script(dir, "checks.js", "import { check } from 'salvo';\nexport default function () { check(1, { ran: () => true }); }\n");
        try (WebSession web = new WebSession(null, "run", checks, "--web", "--web-port", "0", "--autostart", "-i", "5")) {
            JsonNode end = web.await(s -> s.path("phase").asText().equals("finished"), "finished");
            assertEquals("completed", end.path("ended").asText(), end.toString());
            assertEquals(5, web.get("api/stats").json().at("/checks/0/passes").asInt());
            assertTrue(web.err().contains("the results stay at"), web.toString());
            assertEquals(0, web.quit(), web.toString());
        }
    }

    @Test
    void badWebFlagsExit2NamingTheFlag() throws Exception {
        String noop = script(dir, "noop.js", "export default function () {}\n");
        String[][] cases = {
                {"--autostart", "--autostart needs --web"},
                {"--web --web-auth nopass", "--web-auth must be USER:PASS, not 'nopass'"},
                {"--web --web-port 70000", "--web-port must be a port from 0 to 65535, not 70000"},
                {"--metrics-port -1", "--metrics-port must be a port from 0 to 65535"},
                {"--web --segment 0/2", "--web cannot be combined with --segment"},
        };
        for (String[] c : cases) {
            String[] flags = c[0].split(" ");
            String[] args = new String[flags.length + 2];
            args[0] = "run";
            args[1] = noop;
            System.arraycopy(flags, 0, args, 2, flags.length);
            Salvo.Result r = Salvo.run(args);
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains(c[1]), r.toString());
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Salvo.Result r = Salvo.run("run", noop, "--web", "--web-port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("--web-port: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.toString());
        }
    }
}
