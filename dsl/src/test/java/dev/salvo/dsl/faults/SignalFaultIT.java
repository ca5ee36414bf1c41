package dev.salvo.dsl.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite on a real {@code bin/salvo run} process: SIGINT while the module loads, in setup(), in an
 * iteration that never yields and in teardown(), and a script that runs the heap out. Each ends with its results.
 */
class SignalFaultIT {
    /** This build's distribution, or the one {@code -Dsalvo.faults.dist} names (docs/faults.md). */
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.faults.dist", System.getProperty("salvo.home")), "bin", "salvo");
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir Path tmp;

    @Test
    void sigintWhileTheModulesTopLevelNeverYieldsExits130SayingNothingRan() throws Exception {
        Run r = run("""
                console.log('MARK');
                while (true) {}
                export default async function () {}
                """, "INT", Map.of());
        assertEquals(130, r.exit, r.toString());
        assertTrue(r.stopSeconds < 10, "took " + r.stopSeconds + " s to stop: " + r);
        assertTrue(r.err.contains("salvo: interrupted while loading the script: nothing ran, no result file written (exit 130)"), r.toString());
        assertFalse(r.err.contains("internal error") || r.err.contains("Exception"), r.toString());
        try (var files = Files.list(r.results)) { // the folder, made when --out was checked, stays empty
            assertEquals(List.of(), files.toList(), "no load, no results");
        }
    }

    @Test
    void sigintInASetupThatNeverYieldsWritesEveryResultAndExits130() throws Exception {
        Run r = run("""
                export const options = { vus: 1, iterations: 1 };
                export function setup() { console.log('MARK'); while (true) {} }
                export default async function () {}
                """, "INT", Map.of());
        assertInterrupted(r);
    }

    @Test
    void sigintWhileAnIterationNeverYieldsWritesEveryResultAndExits130() throws Exception {
        Run r = run("""
                export const options = { vus: 1, duration: '60s' };
                export default async function () { console.log('MARK'); while (true) {} }
                """, "INT", Map.of());
        assertInterrupted(r);
        assertTrue(r.out.contains("1 interrupted"), r.toString());
    }

    @Test
    void sigtermInATeardownThatNeverYieldsWritesEveryResultAndExits130() throws Exception {
        Run r = run("""
                export const options = { vus: 1, iterations: 2 };
                export default async function () {}
                export function teardown() { console.log('MARK'); while (true) {} }
                """, "TERM", Map.of());
        assertInterrupted(r);
        assertTrue(r.out.contains("2 iterations completed"), r.toString());
    }

    @Test
    void aScriptThatRunsTheHeapOutStopsSaysWhyWritesItsResultsAndExits96() throws Exception {
        assertOutOfMemory("");
    }

    /** The heap runs out in code resumed by a timer (after an await), not in the iteration's first step. */
    @Test
    void aScriptThatRunsTheHeapOutAfterAnAwaitStopsTheSameWay() throws Exception {
        assertOutOfMemory("await sleep(0.001);");
    }

    private void assertOutOfMemory(String before) throws Exception {
        Run r = run("""
                import { sleep } from 'salvo';
                const hog = [];
                export const options = { vus: 1, duration: '60s' };
                export default async function () { %s for (let i = 0; i < 100; i++) hog.push(new Array(100000).fill(i)); }
                """.formatted(before), null, Map.of("SALVO_OPTS", "-Xmx256m"));
        assertEquals(96, r.exit, r.toString());
        assertTrue(r.out.contains("out of memory"), r.toString());
        assertTrue(r.out.contains("stopped (out-of-memory) in "), "the summary's last line says why, as summary.json: " + r);
        assertFalse(r.out.contains("INTERRUPTED"), r.toString());
        assertFalse(r.err.contains("A task raised an exception"), "reported, not only logged by Netty: " + r);
        assertTrue(r.out.contains("SALVO_OPTS=-Xmx"), r.toString());
        assertTrue(Files.readString(r.results.resolve("summary.json")).contains("\"ended\" : \"out-of-memory\""));
        ResultsFaultTest.assertFiles(r.results);
    }

    private static void assertInterrupted(Run r) throws Exception {
        assertEquals(130, r.exit, r.toString());
        assertTrue(r.stopSeconds < 10, "took " + r.stopSeconds + " s to stop: " + r);
        assertTrue(r.out.contains("INTERRUPTED"), r.toString());
        assertFalse(r.err.contains("internal error") || r.err.contains("Exception"), r.toString());
        String json = Files.readString(r.results.resolve("summary.json"));
        assertTrue(json.contains("\"ended\" : \"interrupted\"") && json.contains("\"exitCode\" : 130"), json);
        ResultsFaultTest.assertFiles(r.results);
    }

    private record Run(int exit, String out, String err, double stopSeconds, Path results) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** Runs the script; once it printed MARK, sends {@code signal} (null: none, wait for it to end). */
    private Run run(String script, String signal, Map<String, String> extraEnv) throws Exception {
        Path file = tmp.resolve("script.js");
        Files.writeString(file, script);
        Path results = tmp.resolve("results");
        List<String> args = new ArrayList<>(List.of(LAUNCHER.toString(), "run", "--workers", "1", "--no-progress",
                "--out", results.toString(), file.toString()));
        ProcessBuilder pb = new ProcessBuilder(args);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SALVO_") || k.endsWith("_OPTS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("JAVA_HOME", JDK.toString());
        env.put("SALVO_JS_RUNTIME", "interpreter");
        env.putAll(extraEnv);
        Process p = pb.start();
        try {
            CompletableFuture<Void> marked = new CompletableFuture<>();
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            Thread outReader = reader(p.getInputStream(), out, marked);
            Thread errReader = reader(p.getErrorStream(), err, null);
            double stopSeconds = 0;
            if (signal != null) {
                marked.get(60, TimeUnit.SECONDS);
                Thread.sleep(500);
                assertTrue(p.isAlive(), "salvo ended before the signal: " + out + err);
                long sent = System.nanoTime();
                assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "salvo did not stop within 30 s of SIG" + signal + ": " + out + err);
                stopSeconds = (System.nanoTime() - sent) / 1e9;
            } else {
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "salvo did not end within 120 s: " + out + err);
            }
            outReader.join(5000);
            errReader.join(5000);
            synchronized (out) {
                synchronized (err) {
                    return new Run(p.exitValue(), out.toString(), err.toString(), stopSeconds, results);
                }
            }
        } finally {
            p.destroyForcibly();
        }
    }

    private static Thread reader(InputStream in, StringBuilder into, CompletableFuture<Void> marked) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (into) {
                        into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        if (marked != null && into.indexOf("MARK") >= 0) marked.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }
}
