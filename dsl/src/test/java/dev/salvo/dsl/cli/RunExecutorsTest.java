package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How long and how many iterations the executors run, observed through {@code salvo run}. */
class RunExecutorsTest {
    @TempDir Path dir;

    @Test
    void constantVusStopsStartingIterationsAtItsDurationAndEndsWithinOneIterationOfIt() throws Exception {
        String file = script(dir, "sleepy.js", """
                import { sleep } from 'salvo';
                export default async function () { await sleep(0.2); }
                """);
        Salvo.Result r = Salvo.run("run", file, "-u", "2", "-t", "3s");
        assertEquals(0, r.exit(), r.toString());
        double seconds = r.runSeconds();
        // The run starts after "salvo: running" is printed; the last iterations end at most 0.2 s past 3 s.
        assertTrue(seconds >= 3.0, "ended before its duration: " + seconds + " s");
        assertTrue(seconds < 3.0 + 0.2 + 0.6, "ended outside its graceful window: " + seconds + " s");
        assertTrue(r.out().contains("0 interrupted"), r.toString());
        long iterations = r.iterationsCompleted();
        // 2 VUs x 3 s / 0.2 s = 30 iterations when sleeps are exact; interpreted JS may lose a few.
        assertTrue(iterations >= 24 && iterations <= 32, "iterations: " + iterations);
    }

    @Test
    void perVuIterationsRunsExactlyVusTimesIterations() throws Exception {
        String file = script(dir, "pervu.js", """
                import { check } from 'salvo';
                export const options = { scenarios: { each: { executor: 'per-vu-iterations', vus: 3, iterations: 4 } } };
                export default function (data, vu) { check(vu.id, { ['vu ' + vu.id]: () => true }); }
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(12, r.iterationsCompleted(), r.toString());
        for (int vu = 1; vu <= 3; vu++) assertEquals(4, r.passes("vu " + vu), r.toString());
    }

    @Test
    void iterationsFlagRunsExactlyThatManyIterationsSharedByTheVus() throws Exception {
        String file = script(dir, "seven.js", """
                import { check, sleep } from 'salvo';
                export const options = { vus: 3, duration: '1m' };
                export default async function () { check(1, { counted: () => true }); await sleep(0.01); }
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "7", "-u", "3");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(7, r.iterationsCompleted(), r.toString());
        assertEquals(7, r.passes("counted"), r.toString());
    }
}
