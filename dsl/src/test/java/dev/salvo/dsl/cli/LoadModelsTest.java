package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locust's -u -r -t, user(), profiles and their precedence, salvo/data and per-VU state, through salvo run. */
class LoadModelsTest {
    @TempDir Path dir;

    @Test
    void usersSpawnRateAndRunTimeRampLikeLocust() throws Exception {
        String file = script(dir, "locust.js", """
                import { sleep } from 'salvo';
                export default async function () { await sleep(0.1); }
                """);
        Salvo.Result r = Salvo.run("run", file, "-u", "4", "-r", "4", "-t", "2s", "--print-plan");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("ramping-vus"), r.toString());
        assertTrue(r.out().contains("[{duration=1s, target=4}, {duration=1s, target=4}]"), r.toString());
        Salvo.Result run = Salvo.run("run", file, "--users", "4", "--spawn-rate", "4", "--run-time", "2s");
        assertEquals(0, run.exit(), run.toString());
        // ~0.5 s of ramp (0..4 VUs) + 1 s at 4 VUs, 0.1 s iterations: about 10 + 40.
        long n = run.iterationsCompleted();
        assertTrue(n >= 35 && n <= 65, "iterations: " + n);
    }

    @Test
    void commandLineBeatsProfileBeatsScriptAndPrintPlanSaysWhere() throws Exception {
        String file = script(dir, "layers/test.js", """
                export const options = {
                  scenarios: { api: { executor: 'constant-arrival-rate', rate: 5, duration: '1m', preAllocatedVUs: 2 } },
                  profiles: { fast: { scenarios: { api: { rate: 50 } } } },
                };
                export default function () {}
                """);
        Files.writeString(dir.resolve("layers/salvo.yaml"), """
                profiles:
                  heavy:
                    scenarios:
                      api: { rate: 200, maxVUs: 100 }
                """);
        Salvo.Result heavy = Salvo.run("run", file, "--profile", "heavy", "--print-plan");
        assertEquals(0, heavy.exit(), heavy.toString());
        assertTrue(heavy.out().matches("(?s).*rate\\s+200\\s+profile heavy \\(salvo.yaml\\).*"), heavy.toString());
        assertTrue(heavy.out().matches("(?s).*duration\\s+1m\\s+script.*"), heavy.toString());
        assertTrue(heavy.out().matches("(?s).*timeUnit\\s+1s\\s+default.*"), heavy.toString());
        Salvo.Result fast = Salvo.run("run", file, "--profile", "fast", "--print-plan");
        assertTrue(fast.out().matches("(?s).*rate\\s+50\\s+profile fast \\(options.profiles\\).*"), fast.toString());
        Salvo.Result cli = Salvo.run("run", file, "--profile", "heavy", "-u", "3", "-t", "10s", "--print-plan");
        assertTrue(cli.out().matches("(?s).*vus\\s+3\\s+command line.*"), cli.toString());
        assertTrue(cli.out().contains("constant-vus"), cli.toString());
    }

    @Test
    void userRunsWeightedTasksWithOnStartAndOnStopOncePerVu() throws Exception {
        String file = script(dir, "user.js", """
                import { user, check, constantPacing } from 'salvo';
                export const options = { scenarios: { u: { executor: 'per-vu-iterations', vus: 2, iterations: 200 } } };
                export default user({
                  onStart: (data, vu) => { check(vu, { onStart: () => true }); },
                  onStop: (data, vu) => { check(vu, { onStop: () => true }); },
                  tasks: [[3, () => { check(1, { heavy: () => true }); }], [1, () => { check(1, { light: () => true }); }]],
                  wait: constantPacing(0),
                });
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.passes("onStart"), r.toString());
        assertEquals(2, r.passes("onStop"), r.toString());
        long heavy = r.passes("heavy");
        assertEquals(400, heavy + r.passes("light"), r.toString());
        assertTrue(heavy > 240 && heavy < 360, "3:1 weights give ~300 of 400: " + heavy);
    }

    @Test
    void iterationCountsPerVuAndIdInScenarioIsStable() throws Exception {
        String file = script(dir, "pervu.js", """
                import { check } from 'salvo';
                export const options = { scenarios: {
                  a: { executor: 'per-vu-iterations', vus: 2, iterations: 3 },
                  b: { executor: 'per-vu-iterations', vus: 1, iterations: 2 } } };
                export default function (data, vu) {
                  vu.state.seen = (vu.state.seen || 0);
                  check(vu, { [`${vu.scenario} vu ${vu.idInScenario} iteration ${vu.iteration}`]: (v) => v.iteration === v.state.seen });
                  vu.state.seen++;
                }
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(0, r.exit(), r.toString());
        for (int vu = 1; vu <= 2; vu++) for (int i = 0; i < 3; i++) assertEquals(1, r.passes("a vu " + vu + " iteration " + i), r.toString());
        assertEquals(1, r.passes("b vu 1 iteration 1"), r.toString());
    }

    @Test
    void dataFilesAreReadRelativeToTheScriptAndSharedArraysAreReadOnly() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/users.csv"), "name;pass\nalice;a1\nbob;b2\ncarol;c3\n");
        Files.writeString(dir.resolve("data/cfg.json"), "{\"size\": 3}");
        String file = script(dir, "data/test.js", """
                import { check } from 'salvo';
                import { csv, json, SharedArray } from 'salvo/data';
                const users = new SharedArray('users', () => csv('users.csv', { header: true, delimiter: ';' }));
                const cfg = json('./cfg.json');
                export const options = { vus: 3, iterations: 6 };
                export default function (data, vu) {
                  const u = users[(vu.idInScenario - 1) % users.length];
                  let readOnly = false;
                  try { users[0] = null; } catch (e) { readOnly = true; }
                  check(u, { 'row by header': (x) => x.pass === x.name[0] + String(vu.idInScenario),
                             'sizes agree': () => users.length === cfg.size, 'read-only': () => readOnly && Object.isFrozen(u) });
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "2");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(6, r.passes("row by header"), r.toString());
        assertEquals(6, r.passes("sizes agree"), r.toString());
        assertEquals(6, r.passes("read-only"), r.toString());
    }
}
