package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scenarios, profiles and config files: exit 3 or 2 before any VU starts, every problem at once. */
class LoadModelsBadInputTest {
    @TempDir Path dir;

    private static void assertNothingRan(Salvo.Result r) {
        assertFalse(r.err().contains("salvo: running"), "no VU may start: " + r);
    }

    @Test
    void unknownExecutorExits3ListingTheValidOnes() throws Exception {
        String file = script(dir, "unknown.js", """
                export const options = { scenarios: { api: { executor: 'constant-rate', rate: 5 } } };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("options.scenarios.api.executor: unknown executor 'constant-rate'; valid: constant-vus, ramping-vus, "
                + "per-vu-iterations, shared-iterations, constant-arrival-rate, ramping-arrival-rate"), r.toString());
        assertNothingRan(r);
    }

    @Test
    void everyProblemOfAPlanIsReportedAtOnce() throws Exception {
        // rate without preAllocatedVUs, a zero rate, a zero duration, a zero stage total, maxVUs below preAllocatedVUs.
        String file = script(dir, "many.js", """
                export const options = { scenarios: {
                  open: { executor: 'constant-arrival-rate', rate: 10, duration: '10s' },
                  zero: { executor: 'constant-arrival-rate', rate: 0, duration: '0s', preAllocatedVUs: 2 },
                  ramp: { executor: 'ramping-arrival-rate', preAllocatedVUs: 5, maxVUs: 2, stages: [{ duration: '0s', target: 10 }] },
                  vus: { executor: 'ramping-vus', stages: [{ duration: '5s', target: -1 }] },
                } };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        for (String expected : new String[] {
                "options.scenarios.open.preAllocatedVUs: is required for a constant-arrival-rate scenario",
                "options.scenarios.zero.rate: must be > 0, not 0",
                "options.scenarios.zero.duration: must be > 0, not \"0s\"",
                "options.scenarios.ramp.maxVUs: must be >= preAllocatedVUs (5), not 2",
                "options.scenarios.ramp.stages: must last longer than 0s in total",
                "options.scenarios.vus.stages[0].target: must be >= 0"}) {
            assertTrue(r.err().contains(expected), "missing '" + expected + "' in " + r);
        }
        assertNothingRan(r);
    }

    @Test
    void execNamingAFunctionTheScriptDoesNotExportExits3() throws Exception {
        String file = script(dir, "exec.js", """
                export const options = { scenarios: { a: { executor: 'constant-vus', vus: 1, duration: '1s', exec: 'browse' } } };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("options.scenarios.a.exec: the script exports no function 'browse'"), r.toString());
        assertNothingRan(r);
    }

    @Test
    void unknownProfileExits2ListingTheDefinedOnes() throws Exception {
        String file = script(dir, "profiles.js", """
                export const options = { vus: 1, iterations: 1, profiles: { smoke: { iterations: 1 }, soak: { duration: '1h' } } };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file, "--profile", "smok");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("unknown profile 'smok' (did you mean 'smoke'?); defined: smoke, soak"), r.toString());
        assertNothingRan(r);
    }

    @Test
    void malformedYamlExits2WithFileAndLine() throws Exception {
        String file = script(dir, "yaml/test.js", "export default function () {}\n");
        Files.writeString(dir.resolve("yaml/salvo.yaml"), "profiles:\n  smoke:\n    vus: 1\n   iterations: [1\n");
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("salvo.yaml:4:"), "file:line expected: " + r);
        assertTrue(r.err().contains("malformed YAML"), r.toString());
        assertNothingRan(r);
    }

    @Test
    void spawnRateWithoutUsersOrRunTimeIsABadCommandLine() throws Exception {
        String file = script(dir, "noop.js", "export default function () {}\n");
        Salvo.Result r = Salvo.run("run", file, "-r", "5");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("--spawn-rate: needs --users N") && r.err().contains("--spawn-rate: needs --run-time T"), r.toString());
        Salvo.Result zero = Salvo.run("run", file, "-u", "2", "-r", "0", "-t", "1s");
        assertEquals(2, zero.exit(), zero.toString());
        assertNothingRan(r);
    }
}
