package dev.salvo.dsl.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code bin/salvo run --k6-mode sync}: VUs parked in a request, in sleep() and in code that never
 * yields all stop; the summary so far is printed and salvo exits 130 within seconds.
 */
class K6SyncInterruptIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.home"), "bin", "salvo");

    @TempDir Path tmp;

    @Test
    void sigintStopsVusParkedInBlockingCallsAndExits130() throws Exception {
        Path script = tmp.resolve("k6.js");
        Files.writeString(script, """
                import http from 'k6/http';
                import { sleep } from 'k6';
                export const options = { scenarios: {
                  blocked: { executor: 'constant-vus', vus: 20, duration: '60s' },
                  spinning: { executor: 'constant-vus', vus: 1, duration: '60s', exec: 'spin' },
                } };
                export default function () {
                  http.get(`${__ENV.BASE_URL}/delay?ms=${__ITER % 2 === 0 ? 20 : 5000}`);
                  sleep(__VU % 2 === 0 ? 0.05 : 30);
                }
                export function spin() {
                  http.get(`${__ENV.BASE_URL}/health`);
                  while (true) {}
                }
                """);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "run", "--demo", "--workers", "1", "--k6-mode", "sync",
                "--no-progress", script.toString()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SALVO_") || k.endsWith("_OPTS") || k.contains("JAVA_TOOL"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SALVO_JS_RUNTIME", "interpreter");
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(err).contains("salvo: running ") && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(p.isAlive(), "salvo ended before it was interrupted: " + Files.readString(err));
            Thread.sleep(2000); // VUs now sit in requests, sleeps and the endless loop
            long sent = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "salvo did not stop within 15 s of SIGINT");
            double seconds = (System.nanoTime() - sent) / 1e9;
            String all = Files.readString(out) + "\n--- stderr\n" + Files.readString(err);
            assertEquals(130, p.exitValue(), all);
            assertTrue(seconds < 10, "took " + seconds + " s to stop: " + all);
            assertTrue(Files.readString(out).contains("INTERRUPTED"), all);
            assertTrue(List.of(Files.readString(out).split("\n")).stream().anyMatch(l -> l.contains("/delay?ms=20")), all);
        } finally {
            p.destroyForcibly();
        }
    }
}
