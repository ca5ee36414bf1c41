package dev.salvo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code bin/salvo run} under a low open-files limit ({@code ulimit -n}), with more VUs than sockets:
 * the requests that get no socket fail as dial errors that say why, the event loops survive, the run ends
 * and writes its results. (With 50,000 VUs at a limit of 20,000, close() on a channel that never got
 * registered threw on every such request, and the first log line's time-zone read killed an event loop.)
 */
class OpenFilesLimitIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.home"), "bin", "salvo");

    @TempDir Path tmp;

    @Test
    void requestsWithoutASocketFailAsDialErrorsAndTheRunEndsNormally() throws Exception {
        Path script = tmp.resolve("many.js");
        Files.writeString(script, """
                import http from 'salvo/http';
                import { env } from 'salvo';
                import { Counter } from 'salvo/metrics';
                const noSocket = new Counter('no_socket');
                export const options = {
                  // gracefulStop: connections the demo target (in the same process) could not accept hang until then
                  scenarios: { many: { executor: 'constant-vus', vus: 600, duration: '4s', gracefulStop: '1s' } },
                  thresholds: { no_socket: ['count>0'] },
                };
                export default async function () {
                  const res = await http.get(`${env.BASE_URL}/delay?ms=200`, { tags: { name: 'delay' } });
                  if (res.errorCode === 1210 && res.error.endsWith(
                      "socket: too many open files (the process's open-files limit, ulimit -n, is reached)")) noSocket.add(1);
                }
                """);
        Path results = tmp.resolve("results");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ulimit -n 500 && exec \"$0\" \"$@\"", LAUNCHER.toString(),
                "run", "--demo", "--quiet", "--no-progress", "--out", results.toString(), script.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("SALVO_") || k.endsWith("_OPTS"));
        pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "salvo did not finish within 90 s");
        String err = Files.readString(tmp.resolve("err"));
        // 97 when not one request got a socket or an answer (how many do depends on the machine's speed)
        assertTrue(p.exitValue() == 0 || p.exitValue() == 97, "exit " + p.exitValue() + ": " + err);
        assertFalse(err.contains("Exception in thread"), err);
        assertFalse(err.contains("not registered to an event loop"), err);
        // the demo target's accept failures: one line per 10 s, not a stack trace each
        assertFalse(err.contains("reached at the tail of the pipeline"), err);
        assertTrue(err.contains("salvo demo: cannot accept a connection on /127.0.0.1:"), err);
        // such failures are seen with their message (the no_socket threshold held, or every request failed)
        assertTrue(Files.readString(results.resolve("failures.csv")).contains("GET,delay,error 1210: dial error,"));
        assertTrue(Files.readString(results.resolve("summary.json")).contains("\"ended\" : \"completed\""));
    }
}
