package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings at the end of a run: mistakes that do not fail it but would mislead the user. */
class RunWarningsTest {
    @TempDir Path dir;

    @Test
    void unnamedDynamicUrlsWarnAboutTagCardinalityNamingTheMetric() throws Exception {
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            String file = script(dir, "cardinality.js", """
                    import http from 'salvo/http';
                    import { env } from 'salvo';
                    export const options = { iterations: 1 };
                    export default async function () {
                      for (let i = 0; i < 1005; i++) await http.get(`${env.BASE_URL}/api/items/${i}`);
                    }
                    """);
            Salvo.Result r = Salvo.run("run", file, "-e", "BASE_URL=" + demo.baseUrl());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.err().contains("metric 'http_reqs' has more than 1000 distinct tag sets"), r.toString());
            assertTrue(r.err().contains("'name' tag"), r.toString());
        }
    }

    @Test
    void subMetricOnATagValueNeverEmittedWarnsWithTheValuesSeen() throws Exception {
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            String file = script(dir, "typo.js", """
                    import http from 'salvo/http';
                    import { env } from 'salvo';
                    export const options = {
                      iterations: 2,
                      thresholds: { 'http_req_duration{name:list itmes}': [{ threshold: 'p(95)<5000', allowEmpty: true }] },
                    };
                    export default async function () {
                      await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'list items' } });
                    }
                    """);
            Salvo.Result r = Salvo.run("run", file, "-e", "BASE_URL=" + demo.baseUrl());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.err().contains("threshold on 'http_req_duration{name:list itmes}' matched no sample"), r.toString());
            assertTrue(r.err().contains("list items"), r.toString());
        }
    }

    @Test
    void checkPredicateThatThrowsFailsTheCheckAndItsMessageIsShownOnceWithACount() throws Exception {
        String file = script(dir, "throwingCheck.js", """
                import { check } from 'salvo';
                export const options = { iterations: 3 };
                export default function () {
                  check(null, { 'reads a field': (r) => r.status === 200, 'always': () => true });
                }
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(0, r.passes("reads a field"), r.toString());
        assertEquals(3, r.passes("always"), r.toString());
        String all = r.all();
        int first = all.indexOf("check 'reads a field' threw");
        assertTrue(first >= 0, r.toString());
        assertEquals(-1, all.indexOf("check 'reads a field' threw", first + 1), "shown once: " + r);
        assertTrue(all.matches("(?s).*\\s3 × check 'reads a field' threw.*"), r.toString());
    }
}
