package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code abort()} and {@code group()} from {@code salvo}: how a script stops a run and structures its checks. */
class ScriptControlRunTest {
    @TempDir Path dir;

    @Test
    void abortFromAnIterationStopsTheRunEarlyWithExit108AndTheMessage() throws Exception {
        String file = script(dir, "abort.js", """
                import { abort, sleep } from 'salvo';
                export const options = { vus: 2, duration: '20s' };
                export default async function (data, vu) {
                  await sleep(0.05);
                  if (vu.iteration >= 3) abort('enough');
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1");
        assertEquals(108, r.exit(), r.toString());
        assertTrue(r.out().contains("ABORTED by the script: enough"), r.toString());
        assertTrue(r.runSeconds() < 5, "ran " + r.runSeconds() + " s of 20 s: " + r);
        assertTrue(r.iterationsCompleted() >= 0 && r.iterationsCompleted() < 20, r.toString());
    }

    @Test
    void abortWinsOverThresholdsForTheExitCode() throws Exception {
        String file = script(dir, "abortThresholds.js", """
                import { abort } from 'salvo';
                import { Counter } from 'salvo/metrics';
                const hits = new Counter('hits');
                export const options = { vus: 1, duration: '20s', thresholds: { hits: ['count>1000'] } };
                export default function () { hits.add(1); abort('stop now'); }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1");
        assertEquals(108, r.exit(), r.toString());
        assertTrue(r.out().contains("ABORTED by the script: stop now"), r.toString());
    }

    @Test
    void nestedGroupsTagChecksAndGroupDurationWithTheirPath() throws Exception {
        try (DemoServer target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            String file = script(dir, "groups.js", """
                    import http from 'salvo/http';
                    import { check, env, group } from 'salvo';
                    export const options = {
                      vus: 2, iterations: 6,
                      // k6 tag values: the root group is '', 'outer' is '::outer', hence three colons.
                      thresholds: { 'group_duration{group:::outer}': ['max<5000'], 'checks{group:::outer::inner}': ['rate==1'] },
                    };
                    export default async function () {
                      await group('outer', async () => {
                        await group('inner', async () => {
                          const r = await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'items' } });
                          check(r, { 'inner is 200': (x) => x.status === 200 });
                        });
                        check(1, { 'outer ran': () => true });
                      });
                    }
                    """);
            Salvo.Result r = Salvo.run("run", file, "--workers", "1", "-e", "BASE_URL=" + target.baseUrl());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("█ ::outer::inner\n    ✓ inner is 200  6 passed, 0 failed"), r.toString());
            assertTrue(r.out().contains("█ ::outer\n    ✓ outer ran  6 passed, 0 failed"), r.toString());
            assertTrue(Pattern.compile("^  group_duration\\.+  avg=", Pattern.MULTILINE).matcher(r.out()).find(), r.toString());
            List<String> section = ThresholdsRunTest.thresholdsSection(r.out());
            assertEquals(2, section.size(), r.toString());
            assertTrue(section.get(0).startsWith("✓ group_duration{group:::outer} max<5000: observed max="), r.toString());
            assertTrue(section.get(1).startsWith("✓ checks{group:::outer::inner} rate==1: observed rate=1 "), r.toString());
            assertTrue(r.out().strip().endsWith("PASSED: 2 thresholds held"), r.toString());
        }
    }
}
