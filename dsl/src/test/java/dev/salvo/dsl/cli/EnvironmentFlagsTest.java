package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code salvo run} flag as {@code SALVO_<LONG_FLAG>}: flags win, --print-plan names the source, the bad values. */
class EnvironmentFlagsTest {
    @TempDir Path dir;

    private String noop() throws Exception {
        return script(dir, "noop.js", """
                import { check, env } from 'salvo';
                export default function () { check(1, { ['base ' + env.BASE_URL]: () => true }); }
                """);
    }

    @Test
    void theRuleIsSalvoAndTheLongFlagInUpperSnakeCase() {
        assertEquals("SALVO_SPAWN_RATE", EnvironmentFlags.variable("--spawn-rate"));
        assertEquals("SALVO_USERS", EnvironmentFlags.variable("--users"));
        assertEquals("SALVO_WEB_HOST", EnvironmentFlags.variable("--web-host"));
    }

    @Test
    void variablesSetFlagsAndThePlanSaysWhereEachValueCameFrom() throws Exception {
        Salvo.Result r = Salvo.run(Map.of("SALVO_USERS", "3", "SALVO_RUN_TIME", "2s"), "run", noop(), "--print-plan");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*vus\\s+3\\s+environment SALVO_USERS=3.*"), r.toString());
        assertTrue(r.out().matches("(?s).*duration\\s+2s\\s+environment SALVO_RUN_TIME=2s.*"), r.toString());
        assertTrue(r.out().matches("(?s).*flags from the environment\\s+--users\\s+SALVO_USERS=3\\s+--duration\\s+SALVO_RUN_TIME=2s.*"),
                r.toString());
    }

    @Test
    void thePlanNamesASecretsVariableWithoutItsValue() throws Exception {
        Salvo.Result r = Salvo.run(Map.of("SALVO_TOKEN", "s3cret-token", "SALVO_USERS", "2"), "run", noop(), "--print-plan");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*--token\\s+SALVO_TOKEN=\\(set, not shown\\).*"), r.toString());
        assertFalse(r.out().contains("s3cret-token") || r.err().contains("s3cret-token"), r.toString());
    }

    @Test
    void aFlagOnTheCommandLineWinsOverItsVariable() throws Exception {
        Salvo.Result r = Salvo.run(Map.of("SALVO_USERS", "3", "SALVO_ITERATIONS", "9"), "run", noop(), "-u", "2", "--print-plan");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*vus\\s+2\\s+command line.*"), r.toString());
        assertTrue(r.out().matches("(?s).*iterations\\s+9\\s+environment SALVO_ITERATIONS=9.*"), r.toString());
        assertFalse(r.out().contains("SALVO_USERS"), r.toString());
    }

    @Test
    void booleansListsAndOutputsComeFromTheEnvironmentToo() throws Exception {
        Path out = dir.resolve("results");
        String two = script(dir, "two.js", """
                import { check } from 'salvo';
                export const options = { scenarios: {
                  a: { executor: 'shared-iterations', vus: 1, iterations: 2, exec: 'a' },
                  b: { executor: 'shared-iterations', vus: 1, iterations: 2, exec: 'b' },
                  c: { executor: 'shared-iterations', vus: 1, iterations: 2, exec: 'c' },
                } };
                export function a() { check(1, { a: () => true }); }
                export function b() { check(1, { b: () => true }); }
                export function c() { check(1, { c: () => true }); }
                """);
        Salvo.Result r = Salvo.run(Map.of("SALVO_SCENARIO", "a,c", "SALVO_NO_PROGRESS", "true", "SALVO_OUT", out.toString()), "run", two);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.passes("a") + 0 * r.passes("b"), r.toString());
        assertEquals(0, r.passes("b"), r.toString());
        assertEquals(2, r.passes("c"), r.toString());
        assertTrue(Files.isRegularFile(out.resolve("summary.json")), r.toString());
    }

    @Test
    void salvoHostSetsBaseUrlAndMinusEStillWins() throws Exception {
        Salvo.Result r = Salvo.run(Map.of("SALVO_HOST", "http://target:8000/"), "run", noop(), "-i", "1");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.passes("base http://target:8000"), r.toString());
        Salvo.Result e = Salvo.run(Map.of("SALVO_HOST", "http://target:8000"), "run", noop(), "-i", "1", "-e", "BASE_URL=http://other");
        assertEquals(1, e.passes("base http://other"), e.toString());
    }

    @Test
    void aBadValueExits2NamingTheVariable() throws Exception {
        Salvo.Result r = Salvo.run(Map.of("SALVO_USERS", "many"), "run", noop());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("salvo run: SALVO_USERS (from the environment): Invalid value for option '--users': 'many' is not an int"), r.toString());
        Salvo.Result d = Salvo.run(Map.of("SALVO_RUN_TIME", "10x"), "run", noop());
        assertEquals(2, d.exit(), d.toString());
        assertTrue(d.err().contains("SALVO_RUN_TIME (from the environment)") && d.err().contains("'10x' is not a duration"), d.toString());
        Salvo.Result h = Salvo.run(Map.of("SALVO_HOST", "target:8000"), "run", noop());
        assertEquals(2, h.exit(), h.toString());
        assertTrue(h.err().contains("--host must be an http:// or https:// URL, not 'target:8000'"), h.toString());
        assertFalse(r.all().contains("at dev.salvo") || d.all().contains("at dev.salvo"), "no stack trace");
    }

    @Test
    void twoNamesOfOneFlagWithDifferentValuesExit2() throws Exception {
        Salvo.Result r = Salvo.run(Map.of("SALVO_USERS", "3", "SALVO_VUS", "4"), "run", noop());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("set the same flag (--vus) to different values"), r.toString());
        Salvo.Result same = Salvo.run(Map.of("SALVO_USERS", "1", "SALVO_VUS", "1"), "run", noop(), "-i", "1");
        assertEquals(0, same.exit(), same.toString());
    }

    @Test
    void aMisspeltVariableIsAWarningWithTheFlagItMayMean() throws Exception {
        Salvo.Result r = Salvo.run(Map.of("SALVO_USRS", "3", "SALVO_OPTS", "-Xmx1g"), "run", noop(), "-i", "1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("salvo run: warning: SALVO_USRS is not a salvo run flag (did you mean SALVO_USERS?); it is ignored"),
                r.toString());
        assertFalse(r.err().contains("SALVO_OPTS"), "the launcher's variables are not flags: " + r);
    }
}
