package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers of the console summary, against a loopback demo target with a known delay. */
class RunSummaryTest {
    @TempDir Path dir;
    private DemoServer target;

    @BeforeEach
    void startTarget() throws Exception {
        target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void requestTableShowsTheMedianLatencyOfADelayedEndpoint() throws Exception {
        String file = script(dir, "delay.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                // Cold JIT adds tens of ms to the first requests of a fresh JVM; warm the client up first.
                export async function setup() {
                  for (let i = 0; i < 100; i++) await http.get(`${env.BASE_URL}/delay?ms=0`, { tags: { name: 'warmup' } });
                }
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/delay?ms=50`, { tags: { name: 'delay50' } });
                  check(r, { 'delay is 200': (x) => x.status === 200 });
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "-u", "1", "--workers", "1", "-i", "40", "-e", "BASE_URL=" + target.baseUrl());
        assertEquals(0, r.exit(), r.toString());
        String[] row = r.requestRow("delay50");
        assertNotNull(row, r.toString());
        assertEquals("GET", row[1]);
        assertEquals("40", row[2], "REQS");
        assertEquals("0", row[3], "FAILS");
        double p50 = Double.parseDouble(row[6]);
        assertTrue(p50 >= 50 && p50 <= 60, "p50 of /delay?ms=50 was " + p50 + " ms");
        assertTrue(Double.parseDouble(row[10]) >= 50, "max below the delay");
        assertEquals(40, r.passes("delay is 200"), r.toString());
    }
}
