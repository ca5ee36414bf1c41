package dev.salvo.dsl.faults;

import dev.salvo.dsl.Salvo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault suite's "nothing runs away" (issue 20): code that never yields, absurd durations, VU counts beyond the heap. */
class RunawayFaultTest {
    @TempDir Path dir;

    @Test
    void aLoopThatNeverYieldsIsInterruptedAtDurationPlusGracefulStop() throws Exception {
        runaway("spin.js", "while (true) {}");
    }

    @Test
    void aLoopOfMicrotasksIsInterruptedAtDurationPlusGracefulStop() throws Exception {
        runaway("microtasks.js", "while (true) { await Promise.resolve(); }");
    }

    private void runaway(String name, String body) throws Exception {
        String file = Salvo.script(dir, name, """
                export const options = { scenarios: { s: { executor: 'constant-vus', vus: 2, duration: '2s', gracefulStop: '1s' } } };
                export default async function () { %s }
                """.formatted(body));
        Path out = dir.resolve("out-" + name);
        long t0 = System.nanoTime();
        Salvo.Result r = Salvo.run("run", "--no-progress", "--workers", "2", "--out", out.toString(), file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("0 iterations completed, 2 interrupted"), r.toString());
        assertTrue(seconds < 20, "took " + seconds + " s: " + r);
        assertFalse(r.all().contains("internal error"), r.toString());
        assertFalse(r.all().contains("Execution got interrupted"), "an interrupted iteration is not an error: " + r);
        ResultsFaultTest.assertFiles(out);
    }

    @Test
    void aLoopThatNeverYieldsIsStoppedByMaxDurationWithItsResults() throws Exception {
        String file = Salvo.script(dir, "capped.js", """
                export const options = { vus: 1, duration: '60s' };
                export default async function () { while (true) {} }
                """);
        Path out = dir.resolve("out");
        long t0 = System.nanoTime();
        Salvo.Result r = Salvo.run("run", "--no-progress", "--max-duration", "2s", "--out", out.toString(), file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("stopped (max-duration) in "), r.toString());
        assertTrue(r.out().contains("0 iterations completed, 1 interrupted"), r.toString());
        assertTrue(seconds < 20, "took " + seconds + " s: " + r);
        assertFalse(r.all().contains("internal error") || r.all().contains("IllegalStateException"), r.toString());
        ResultsFaultTest.assertFiles(out);
    }

    @Test
    void setupThatNeverYieldsEndsAtSetupTimeoutWithItsResults() throws Exception {
        String file = Salvo.script(dir, "setup.js", """
                export const options = { vus: 1, iterations: 1, setupTimeout: '1s' };
                export function setup() { while (true) {} }
                export default async function () {}
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", "--no-progress", "--out", out.toString(), file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("FAILED: setup() did not finish within 1s (options.setupTimeout) (exit 3)"), r.toString());
        ResultsFaultTest.assertFiles(out);
    }

    @Test
    void teardownThatNeverYieldsEndsAtTeardownTimeoutWithItsResults() throws Exception {
        String file = Salvo.script(dir, "teardown.js", """
                export const options = { vus: 1, iterations: 2, teardownTimeout: '1s' };
                export default async function () {}
                export function teardown() { while (true) {} }
                """);
        Salvo.Result r = Salvo.run("run", "--no-progress", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("2 iterations completed"), r.toString());
        assertTrue(r.out().contains("teardown() did not finish within 1s (options.teardownTimeout)"), r.toString());
    }

    @Test
    void aDurationBeyondCenturiesEndsWhenTheIterationsFinish() throws Exception {
        String file = Salvo.script(dir, "three.js", """
                export const options = { iterations: 3 };
                export default async function () {}
                """);
        long t0 = System.nanoTime();
        Salvo.Result r = Salvo.run("run", "--no-progress", "-t", "2562048h", file);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("3 iterations completed"), r.toString());
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, r.toString());
    }

    @Test
    void moreVusThanTheHeapHoldsIsAClearErrorNamingTheFlag() throws Exception {
        String file = Salvo.script(dir, "plain.js", "export default async function () {}\n");
        Salvo.Result r = Salvo.run("run", "-u", "10000000", "-t", "1s", file);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("salvo run: --vus 10000000: 10000000 VUs need about"), r.toString());
        assertTrue(r.err().contains("SALVO_OPTS=-Xmx"), r.toString());
        assertFalse(r.all().contains("OutOfMemoryError"), r.toString());
        Files.writeString(dir.resolve("many.js"), "export const options = { vus: 10000000, duration: '1s' };\nexport default async function () {}\n");
        Salvo.Result script = Salvo.run("validate", dir.resolve("many.js").toString());
        assertEquals(0, script.exit(), "validate checks the options, not this JVM's heap: " + script);
        Salvo.Result run = Salvo.run("run", dir.resolve("many.js").toString());
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("options (VUs): 10000000 VUs need about"), run.toString());
    }
}
