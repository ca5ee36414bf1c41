package dev.salvo.dsl.faults;

import dev.salvo.dsl.Salvo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault suite's verdicts (issue 20): no PASSED without thresholds, nothing succeeded exits 97, --exit-code-on-error. */
class VerdictFaultTest {
    @TempDir Path dir;

    @Test
    void aRunWithoutThresholdsFinishesAndNeverSaysPassed() throws Exception {
        String file = Salvo.script(dir, "ok.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = { vus: 1, iterations: 3 };
                export default async function () { await http.get(`${env.BASE_URL}/health`); }
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", "--demo", "--no-progress", "--out", out.toString(), file);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("FINISHED — no thresholds declared"), r.toString());
        assertFalse(r.out().contains("PASSED"), r.toString());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"verdict\" : \"FINISHED\""));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("FINISHED — no thresholds declared"));
        assertTrue(Files.readString(out.resolve("report.html")).matches("(?s).*\"verdict\"\\s*:\\s*\"FINISHED\".*"));
    }

    @Test
    void everyRequestRefusedExits97WhateverTheThresholds() throws Exception {
        int port = closedPort();
        String file = Salvo.script(dir, "refused.js", """
                import http from 'salvo/http';
                export const options = { vus: 1, iterations: 5, thresholds: { http_req_duration: ['p(95)<60000'] } };
                export default async function () { await http.get('http://127.0.0.1:%d/'); }
                """.formatted(port));
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", "--no-progress", "--out", out.toString(), file);
        assertEquals(97, r.exit(), r.toString());
        assertTrue(r.out().contains("FAILED: every request failed (5 of 5) (exit 97)"), r.toString());
        String json = Files.readString(out.resolve("summary.json"));
        assertTrue(json.contains("\"exitCode\" : 97") && json.contains("\"verdict\" : \"FAILED\""), json);
        assertTrue(Files.readString(out.resolve("report.html")).contains("every request failed"));
    }

    @Test
    void theQuickstartWithoutItsTargetFailsInsteadOfPassing() throws Exception {
        Path quickstart = Path.of("../examples/quickstart.js").toAbsolutePath().normalize();
        Salvo.Result r = Salvo.run("run", "--no-progress", "-u", "1", "-i", "3", quickstart.toString());
        assertEquals(97, r.exit(), r.toString());
        assertTrue(r.out().contains("every request failed"), r.toString());
    }

    @Test
    void everyIterationThrowingExits97AndTheErrorIsInEveryOutput() throws Exception {
        String file = Salvo.script(dir, "throws.js", """
                export const options = { vus: 1, iterations: 4 };
                export default async function () { throw new Error('boom in the scenario'); }
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", "--no-progress", "--out", out.toString(), file);
        assertEquals(97, r.exit(), r.toString());
        assertTrue(r.out().contains("every iteration threw (4 of 4"), r.toString());
        for (String name : new String[] {"summary.json", "summary.md", "report.html", "junit.xml", "exceptions.csv"}) {
            assertTrue(Files.readString(out.resolve(name)).contains("boom in the scenario"), name + " lacks the iteration error");
        }
    }

    @Test
    void exitCodeOnErrorIsTheCodeWhenSomeRequestsFailed() throws Exception {
        String file = Salvo.script(dir, "some.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = { vus: 1, iterations: 4 };
                export default async function (data, vu) {
                  await http.get(`${env.BASE_URL}` + (vu.iteration % 2 === 0 ? '/health' : '/status/500'));
                }
                """);
        Salvo.Result r = Salvo.run("run", "--demo", "--no-progress", "--exit-code-on-error", "7", file);
        assertEquals(7, r.exit(), r.toString());
        assertTrue(r.out().contains("2 of 4 requests failed (--exit-code-on-error 7) (exit 7)"), r.toString());
        Salvo.Result without = Salvo.run("run", "--demo", "--no-progress", file);
        assertEquals(0, without.exit(), without.toString());
        assertTrue(without.out().contains("FINISHED — no thresholds declared (2 of 4 requests failed)"), without.toString());
        Salvo.Result bad = Salvo.run("run", "--exit-code-on-error", "300", file);
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--exit-code-on-error must be an exit code from 0 to 255, not 300"), bad.toString());
    }

    @Test
    void aCheckOfAPromiseAndRequestsLeftInFlightWarnOnceWithTheLine() throws Exception {
        String file = Salvo.script(dir, "noawait.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { vus: 1, iterations: 5 };
                export default async function () {
                  const res = http.get(`${env.BASE_URL}/health`);
                  check(res, { 'status is 200': (r) => r.status === 200 });
                }
                """);
        Salvo.Result r = Salvo.run("run", "--demo", "--no-progress", file);
        assertTrue(r.err().contains("noawait.js:6:3: check() was given a Promise, not a response: a missing await?"), r.toString());
        assertTrue(r.err().contains("noawait.js:4: an iteration of scenario default ended with 1 request still in flight"), r.toString());
        assertEquals(1, r.err().split("check\\(\\) was given a Promise", -1).length - 1, "warned once: " + r);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
