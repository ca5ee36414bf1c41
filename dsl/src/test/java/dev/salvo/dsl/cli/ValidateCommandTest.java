package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salvo validate SCRIPT}: checks a script, its options and thresholds, runs nothing. */
class ValidateCommandTest {
    @TempDir Path dir;

    @Test
    void correctScriptExits0ListingScenariosAndThresholds() throws Exception {
        String file = script(dir, "ok.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                import { Trend } from 'salvo/metrics';
                const latency = new Trend('item_latency', true);
                export const options = {
                  vus: 2, duration: '1m',
                  thresholds: {
                    http_req_duration: ['p(95)<500', { threshold: 'p(99)<1000', abortOnFail: true, delayAbortEval: '10s' }],
                    'http_req_duration{name:items}': ['max<2000'],
                    item_latency: [{ threshold: 'avg<100', allowEmpty: true }],
                  },
                };
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'items' } });
                  latency.add(r.timings.duration);
                }
                """);
        long start = System.nanoTime();
        Salvo.Result r = Salvo.run("validate", file);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(file + ": OK"), r.toString());
        assertTrue(r.out().contains("scenario default: constant-vus"), r.toString());
        assertTrue(r.out().contains("threshold http_req_duration: p(95)<500\n"), r.toString());
        assertTrue(r.out().contains("threshold http_req_duration: p(99)<1000 (abortOnFail)"), r.toString());
        assertTrue(r.out().contains("threshold http_req_duration{name:items}: max<2000"), r.toString());
        assertTrue(r.out().contains("threshold item_latency: avg<100"), r.toString());
        assertFalse(r.all().contains("salvo: running"), "validate runs no VU: " + r);
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "a one-minute script is validated, not run");
    }

    @Test
    void threeDistinctProblemsAreListedAtOnceWithExit3() throws Exception {
        String file = script(dir, "three.js", """
                export const options = {
                  scenarios: { spike: { executor: 'rampingarrival-rate', vus: 2 } },
                  thresholds: { http_req_duration: ['p95<500'], http_req_duraton: ['max<1000'] },
                };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("validate", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("options.scenarios.spike.executor: unknown executor 'rampingarrival-rate'"), r.toString());
        assertTrue(r.err().contains("options.thresholds[\"http_req_duration\"][0]: 'p95<500'"), r.toString());
        assertTrue(r.err().contains("options.thresholds[\"http_req_duraton\"]: unknown metric 'http_req_duraton'"), r.toString());
        assertFalse(r.out().contains("OK"), r.toString());
    }

    @Test
    void runRefusesTheSameThreeProblemsAtOnce() throws Exception {
        String file = script(dir, "three.js", """
                export const options = {
                  scenarios: { spike: { executor: 'rampingarrival-rate', vus: 2 } },
                  thresholds: { http_req_duration: ['p95<500'], http_req_duraton: ['max<1000'] },
                };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        assertEquals(3, r.err().lines().filter(l -> l.startsWith("  options.")).count(), r.toString());
    }
}
