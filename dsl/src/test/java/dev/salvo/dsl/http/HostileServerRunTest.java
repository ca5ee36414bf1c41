package dev.salvo.dsl.http;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault suite's hostile servers through {@code salvo run --out}: each failure's own code and description
 * reach every output (the console, failures.csv, report.html), not only {@code res.error}.
 */
class HostileServerRunTest {
    @TempDir Path dir;
    private ServerSocket server;

    /**
     * Answers by path: a bad status line, 20 KB of headers, a 2 MB body, OK; never, a body that stalls, headers a
     * byte at a time (these three until the client goes away); one request per connection.
     */
    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> answer(s));
                } catch (IOException e) {
                    return; // closed by the test
                }
            }
        });
    }

    private static void answer(Socket s) {
        try (s) {
            s.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            if (line == null) return;
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                // the request's headers
            }
            OutputStream out = s.getOutputStream();
            String path = line.split(" ")[1];
            if (hold(s, path)) return;
            String head = switch (path) {
                case "/bad-status" -> "SSH-2.0-OpenSSH_9.2\r\n\r\n";
                case "/huge-headers" -> "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(20_000) + "\r\nContent-Length: 0\r\n\r\n";
                case "/big" -> "HTTP/1.1 200 OK\r\nContent-Length: " + (2 << 20) + "\r\nConnection: close\r\n\r\n";
                default -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
            };
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (path.equals("/big")) out.write(new byte[2 << 20]);
            out.flush();
        } catch (IOException e) {
            // the client gave up (the body cap): what it saw is the test's business
        }
    }

    /** The paths that hold the connection until the client closes it: true when {@code path} was one. */
    private static boolean hold(Socket s, String path) throws IOException {
        OutputStream out = s.getOutputStream();
        switch (path) {
            case "/stalled" -> out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nthe first bytes only".getBytes(StandardCharsets.ISO_8859_1));
            case "/slowloris" -> {
                out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
                while (true) { // a header byte every 100 ms, forever: the write fails once the client has gone
                    out.write('x');
                    out.flush();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return true;
                    }
                }
            }
            case "/never" -> { }
            default -> {
                return false;
            }
        }
        out.flush();
        s.setSoTimeout(0);
        while (s.getInputStream().read() >= 0) {
            // until the client goes away
        }
        return true;
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void eachFailureKeepsItsCodeAndDescriptionInEveryOutput() throws Exception {
        int port = server.getLocalPort();
        String file = script(dir, "hostile.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                const base = 'http://127.0.0.1:%d';
                export const options = { iterations: 1, maxResponseBodySize: '1MB', thresholds: { http_reqs: ['count==7'] } };
                export default async function () {
                  const codes = {};
                  for (const path of ['/bad-status', '/huge-headers', '/big', '/ok']) {
                    codes[path] = (await http.get(base + path, { tags: { name: path } })).errorCode;
                  }
                  const streamed = await http.get(base + '/big', { responseType: 'none', tags: { name: 'big-none' } });
                  // The demo target's plain port answers a TLS ClientHello as a bad HTTP request, as any HTTP server does.
                  const tls = await http.get(env.BASE_URL.replace('http:', 'https:') + '/health', { tags: { name: 'tls-to-plain' } });
                  const after = await http.get(base + '/ok', { tags: { name: 'ok-again' } });
                  check(codes, {
                    'bad status line is 1060': (c) => c['/bad-status'] === 1060,
                    'huge headers are 1061': (c) => c['/huge-headers'] === 1061,
                    'the body cap is 1062': (c) => c['/big'] === 1062,
                    'ok is ok': (c) => c['/ok'] === 0,
                  });
                  check(streamed, { 'responseType none reads past the cap': (r) => r.status === 200 && r.errorCode === 0 });
                  check(tls, { 'https to a plain port is a TLS error, 1300': (r) => r.errorCode === 1300 && r.error.startsWith('tls: ') });
                  check(after, { 'and the connection after it is fine': (r) => r.status === 200 });
                }
                """.formatted(port));
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", file, "--demo", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        r.checks().forEach((name, c) -> assertEquals(0, c[1], "check '" + name + "' failed: " + r));
        assertEquals(7, r.checks().size(), r.toString());
        List<String> codes = List.of("1060", "1061", "1062", "1300");
        List<String> descriptions = List.of("malformed response (not HTTP: bad status line or header)",
                "response headers too large", "response body over maxResponseBodySize", "TLS error");
        for (int i = 0; i < codes.size(); i++) {
            String console = "error " + codes.get(i) + " (" + descriptions.get(i) + ")";
            assertTrue(r.out().contains(console), console + " in the console: " + r.out());
        }
        assertFalse(r.all().contains("websocket"), "a TLS failure is not called a websocket one: " + r);
        assertFalse(r.out().contains("error 1000"), r.out());
        for (String f : List.of("stats.csv", "failures.csv", "report.html", "summary.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " written");
        }
        String failures = Files.readString(out.resolve("failures.csv"));
        String html = Files.readString(out.resolve("report.html"));
        for (int i = 0; i < codes.size(); i++) {
            String csv = "error " + codes.get(i) + ": " + descriptions.get(i);
            assertTrue(failures.contains(csv), csv + " in failures.csv:\n" + failures);
            assertTrue(html.contains(csv), csv + " in report.html");
        }
    }

    /**
     * Requests that would wait for their 60 s timeout are cut at duration + gracefulStop (0s): each is error 1070,
     * its iteration interrupted, and the run ends within about a second of the hard stop, its results written;
     * with a declared scenario and with the shortcuts' top-level gracefulStop.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "scenarios: { s: { executor: 'constant-vus', vus: 3, duration: '2s', gracefulStop: '0s' } }",
            "vus: 3, duration: '2s', gracefulStop: '0s'"})
    void requestsInFlightAtTheHardStopAreCutAndTheRunEndsThen(String load) throws Exception {
        String file = script(dir, "hardstop.js", """
                import http from 'salvo/http';
                const base = 'http://127.0.0.1:%d';
                export const options = { %s };
                const hostile = ['/never', '/stalled', '/slowloris'];
                export default async function (data, vu) {
                  await http.get(base + '/ok', { tags: { name: 'ok' } });
                  const path = hostile[(vu.idInScenario - 1) %% 3];
                  await http.get(base + path, { timeout: '60s', tags: { name: path } });
                }
                """.formatted(server.getLocalPort(), load));
        Path out = dir.resolve("hardstop");
        Salvo.Result r = Salvo.run("run", file, "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.err().contains("unknown option"), r.err());
        assertTrue(r.out().contains("0 iterations completed, 3 interrupted"), r.out());
        for (String path : List.of("/never", "/stalled", "/slowloris")) {
            assertTrue(r.out().contains("1 × GET " + path + ": error 1070 (request cut short: the run stopped)"), path + ": " + r.out());
        }
        String json = Files.readString(out.resolve("summary.json"));
        Matcher elapsed = Pattern.compile("\"durationSeconds\" : ([0-9.]+)").matcher(json);
        assertTrue(elapsed.find(), json);
        assertTrue(Double.parseDouble(elapsed.group(1)) < 3.0, "the run ends at the hard stop (2 s), not at a timeout: " + json);
        assertTrue(r.runSeconds() < 8, "and the command soon after, its results written: " + r.runSeconds() + " s");
        assertTrue(Files.readString(out.resolve("failures.csv")).contains("GET,/slowloris,error 1070: request cut short: the run stopped,1"));
    }

    @Test
    void aRequestCutByTheRunsEndIs1070InEveryOutput() throws Exception {
        String file = script(dir, "cut.js", """
                import http from 'salvo/http';
                const base = 'http://127.0.0.1:%d';
                export const options = { scenarios: { s: { executor: 'constant-vus', vus: 1, duration: '30s' } } };
                export default async function () {
                  await http.get(base + '/ok', { tags: { name: 'ok' } });
                  await http.get(base + '/never', { tags: { name: 'never' } });
                }
                """.formatted(server.getLocalPort()));
        Path out = dir.resolve("cut");
        Salvo.Result r = Salvo.run("run", file, "--max-duration", "2s", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("1 × GET never: error 1070 (request cut short: the run stopped)"), r.out());
        assertTrue(r.runSeconds() < 15, "ended by --max-duration: " + r.runSeconds() + " s");
        assertTrue(r.out().contains("stopped (max-duration) in "), r.out());
        String failures = Files.readString(out.resolve("failures.csv"));
        assertTrue(failures.contains("GET,never,error 1070: request cut short: the run stopped,1"), failures);
        assertTrue(Files.readString(out.resolve("report.html")).contains("error 1070: request cut short: the run stopped"));
    }
}
