package dev.salvo.dsl.ws;

import dev.salvo.dsl.Salvo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * salvo/ws end to end: scripts run by {@code salvo run --demo} against the demo target's sockets,
 * one test per bad input of the issue. Thresholds on {@code ws_errors{error_code:...}} prove the
 * counting; checks prove what the script saw.
 */
class WsRunTest {
    private static final String HEAD = """
            import ws from 'salvo/ws';
            import http from 'salvo/http';
            import { check, env } from 'salvo';
            """;
    @TempDir Path dir;

    private Salvo.Result run(String name, String body, String... more) throws Exception {
        String file = script(dir, name, HEAD + body);
        String[] args = new String[more.length + 6];
        System.arraycopy(new String[] {"run", file, "--demo", "--workers", "1", "--no-progress"}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return Salvo.run(args);
    }

    private static void passed(Salvo.Result r) {
        assertEquals(0, r.exit(), r.toString());
        r.checks().forEach((name, c) -> assertEquals(0, c[1], "check '" + name + "' failed: " + r));
        assertFalse(r.checks().isEmpty(), r.toString());
    }

    @Test
    void requestResponseOverEchoWithNextAndWaitFor() throws Exception {
        Salvo.Result r = run("echo.js", """
                export const options = { iterations: 2, thresholds: { ws_msgs_sent: ['count==8'], ws_ping: ['max>0'] } };
                export default async function () {
                  const got = [];
                  const res = await ws.connect(`${env.WS_URL}/ws/echo`, { compression: true }, (socket) => {
                    socket.on('open', async () => {
                      socket.ping();
                      socket.send('one');
                      got.push(await socket.next(5000));
                      socket.send('two');
                      socket.send('three');
                      got.push(await socket.waitFor((m) => m === 'three', 5000));
                      socket.sendBinary(new Uint8Array([1, 2, 255]).buffer);
                    });
                    socket.on('binaryMessage', (buffer) => {
                      got.push(Array.from(new Uint8Array(buffer)).join('.'));
                      socket.close(4000, 'done');
                    });
                    socket.on('pong', () => got.push('pong'));
                  });
                  check(res, {
                    '101': (x) => x.status === 101 && x.error === '',
                    'deflate negotiated': (x) => (x.headers['sec-websocket-extensions'] || '').includes('permessage-deflate'),
                    'messages in order': () => JSON.stringify(got) === '["pong","one","three","1.2.255"]',
                  });
                }
                """);
        passed(r);
    }

    @Test
    void aRefusedConnectionResolvesWithStatusZeroAndAnError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Salvo.Result r = run("refused.js", """
                export const options = { iterations: 1, thresholds: { 'ws_errors{error_code:1212}': ['count==1'] } };
                export default async function () {
                  let errorEvent = null;
                  const res = await ws.connect('ws://127.0.0.1:%d/ws/echo', (socket) => socket.on('error', (e) => { errorEvent = e; }));
                  check(res, {
                    'status 0': (x) => x.status === 0,
                    'error says refused': (x) => x.error.includes('refused') && x.errorCode === 1212,
                    'error event': () => errorEvent !== null && errorEvent.code === 1212,
                  });
                }
                """.formatted(port));
        passed(r);
    }

    @Test
    void aRefusedUpgradeKeepsTheStatusAndHeadersAuthorise() throws Exception {
        Salvo.Result r = run("refused-upgrade.js", """
                export const options = { iterations: 1, thresholds: { 'ws_errors{error_code:1700}': ['count==2'] } };
                export default async function () {
                  const missing = await ws.connect(`${env.WS_URL}/ws/nowhere`);
                  const anonymous = await ws.connect(`${env.WS_URL}/ws/ticker?auth=1`);
                  const token = (await http.post(`${env.BASE_URL}/api/auth/token`, { username: 'ann', password: 'x' })).json('access');
                  const res = await ws.connect(`${env.WS_URL}/ws/ticker?auth=1&interval=10`,
                    { headers: { Authorization: `Bearer ${token}` } }, (socket) => socket.on('message', () => socket.close()));
                  check(missing, { '404 kept': (x) => x.status === 404 && x.error.includes('404') });
                  check(anonymous, { '401 kept': (x) => x.status === 401 && x.error !== '' });
                  check(res, { 'token accepted': (x) => x.status === 101 });
                }
                """);
        passed(r);
    }

    @Test
    void aServerClosingMidMessageIsAnAbnormalCloseCounted() throws Exception {
        Salvo.Result r = run("mid.js", """
                export const options = { iterations: 1, thresholds: { 'ws_errors{error_code:1703}': ['count==1'] } };
                export default async function () {
                  let code = 0;
                  let ticks = 0;
                  await ws.connect(`${env.WS_URL}/ws/ticker?interval=10&dropAfter=3&drop=mid`, (socket) => {
                    socket.on('message', () => ticks++);
                    socket.on('close', (c) => { code = c; });
                  });
                  check(code, { '1006': (c) => c === 1006 });
                  check(ticks, { 'three whole ticks': (n) => n === 3 });
                }
                """);
        passed(r);
    }

    @Test
    void anOversizedMessageClosesWith1009AndIsCounted() throws Exception {
        Salvo.Result r = run("big.js", """
                export const options = { iterations: 1, thresholds: { 'ws_errors{error_code:1702}': ['count==1'] } };
                export default async function () {
                  let code = 0;
                  await ws.connect(`${env.WS_URL}/ws/echo`, { maxMessageSize: 100 }, (socket) => {
                    socket.on('open', () => socket.send('x'.repeat(1000)));
                    socket.on('close', (c) => { code = c; });
                  });
                  check(code, { '1009': (c) => c === 1009 });
                }
                """);
        passed(r);
    }

    @Test
    void aThrowingHandlerClosesItsSocketAndFailsTheIterationWithWhereItThrew() throws Exception {
        Salvo.Result r = run("throws.js", """
                export const options = { iterations: 2, thresholds: { 'ws_errors{error_code:1704}': ['count==2'] } };
                export default async function () {
                  await ws.connect(`${env.WS_URL}/ws/echo`, (socket) => {
                    socket.on('open', () => socket.send('hi'));
                    socket.on('message', () => {
                      throw new Error('bad tick');
                    });
                  });
                }
                """);
        assertEquals(97, r.exit(), "every iteration threw: " + r);
        assertTrue(r.all().contains("2 × Error: bad tick (at "), r.toString());
        assertTrue(r.all().contains("throws.js:9:13)"), r.toString());
    }

    @Test
    void sendAfterCloseIsCountedNotFatal() throws Exception {
        Salvo.Result r = run("late.js", """
                export const options = { iterations: 1, thresholds: { 'ws_errors{error_code:1705}': ['count==1'] } };
                export default async function () {
                  let kept;
                  const res = await ws.connect(`${env.WS_URL}/ws/echo`, (socket) => {
                    kept = socket;
                    socket.on('open', () => socket.close());
                  });
                  kept.send('too late');
                  check(res, { 'closed normally': (x) => x.status === 101 });
                }
                """);
        passed(r);
    }

    @Test
    void aSocketLeftOpenIsClosedWithinGracefulStopAndCounted() throws Exception {
        Salvo.Result r = run("open.js", """
                export const options = {
                  scenarios: { hold: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '1s' } },
                  thresholds: { 'ws_errors{error_code:1706}': ['count==2'], ws_sessions: ['count==2'] },
                };
                export default async function () {
                  const res = await ws.connect(`${env.WS_URL}/ws/ticker?interval=100`);
                  check(res, { 'never reached': () => false });
                }
                """);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.runSeconds() < 10, r.toString());
        assertTrue(r.all().contains("2 interrupted"), r.toString());
    }

    @Test
    void socketsGetLocustRowsOfTypeWsInEveryReport() throws Exception {
        Path out = dir.resolve("out");
        Salvo.Result r = run("rows.js", """
                export const options = { iterations: 3 };
                export default async function () {
                  const res = await ws.connect(`${env.WS_URL}/ws/ticker?interval=10&dropAfter=2`, { tags: { name: 'ticker' } });
                  check(res, { '101': (x) => x.status === 101 });
                }
                """, "--out", out.toString(), "--csv-full-history");
        passed(r);
        String[] row = r.requestRow("ticker");
        assertEquals("WS", row[1], r.toString());
        assertEquals("3", row[2], r.toString());
        assertEquals("3", row[3], "each drop (1703) is a failure: " + r);
        assertTrue(Files.readString(out.resolve("stats.csv")).contains("\nWS,ticker,3,3,"), Files.readString(out.resolve("stats.csv")));
        assertTrue(Files.readString(out.resolve("failures.csv")).contains("WS,ticker,error 1703: websocket closed abnormally (1006),3"),
                Files.readString(out.resolve("failures.csv")));
        assertTrue(Files.readString(out.resolve("stats_history.csv")).contains(",WS,ticker,"));
    }

    @Test
    void badParametersAreScriptErrorsNamingTheParameter() throws Exception {
        Salvo.Result r = run("params.js", """
                export const options = { iterations: 1 };
                export default async function () {
                  await ws.connect('http://example.com/', () => {});
                }
                """);
        assertTrue(r.all().contains("ws.connect('http://example.com/'): the URL must start with ws:// or wss://"), r.toString());
        Salvo.Result unknown = run("event.js", """
                export const options = { iterations: 1 };
                export default async function () {
                  await ws.connect(`${env.WS_URL}/ws/echo`, (socket) => socket.on('mesage', () => {}));
                }
                """);
        assertTrue(unknown.all().contains("socket.on('mesage'): unknown event"), unknown.toString());
    }

    @Test
    void aFiftyMegabyteBinaryMessageReachesTheScriptWholeWithoutBlockingTheLoop() throws Exception {
        int size = 50 << 20;
        try (RawWsServer server = new RawWsServer(size)) {
            String file = script(dir, "big.js", HEAD + """
                    export const options = { iterations: 1 };
                    export default async function () {
                      let got = null;
                      let ms = -1;
                      await ws.connect('%s', { maxMessageSize: 64 * 1024 * 1024 }, (socket) => {
                        socket.on('binaryMessage', (buffer) => {
                          const start = Date.now();
                          const bytes = new Uint8Array(buffer);
                          got = { length: buffer.byteLength, first: bytes[1], last: bytes[bytes.length - 1], isBuffer: buffer instanceof ArrayBuffer };
                          ms = Date.now() - start;
                          socket.close();
                        });
                      });
                      check(got, {
                        'whole': (g) => g !== null && g.length === %d,
                        'an ArrayBuffer with the bytes sent': (g) => g.isBuffer && g.first === 1 && g.last === (%d - 1) %% 251,
                      });
                      console.log('handled in ' + ms + ' ms');
                    }
                    """.formatted(server.url(), size, size));
            Salvo.Result r = Salvo.run("run", file, "--workers", "1", "--no-progress");
            passed(r);
            assertTrue(r.runSeconds() < 10, "50 MB took " + r.runSeconds() + " s (a copy per element took ~25 s): " + r);
        }
    }
}
