package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.report.ErrorCodes;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's HTTP servers: loopback servers that misbehave on purpose. Each failure must come back as
 * a value with its own code and a message saying what happened, in bounded time; the code's description (the
 * text of the console, failures.csv and report.html) must say the same.
 */
class HostileServerTest {
    private static final Duration SHORT = Duration.ofMillis(600);
    private final SessionFixture fx = new SessionFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private HttpResponse get(ScriptedServer server, Duration timeout, boolean discard) throws Exception {
        return fx.send(new HttpRequest("GET", URI.create(server.url("/")), List.of(), null, timeout, 0, discard, Map.of()));
    }

    /** Blocks until the client closes the connection (or the server's 5 s socket timeout). */
    private static void waitForClient(ScriptedServer.Conn conn) throws IOException {
        while (conn.in.read() >= 0) {
            // drain
        }
    }

    private static void assertFailed(HttpResponse res, int code, String message, String described) {
        assertEquals(0, res.status(), res.error());
        assertEquals(code, res.errorCode(), res.error());
        assertTrue(res.error().contains(message), res.error());
        assertEquals(described, ErrorCodes.describe(String.valueOf(code)));
    }

    @Test
    void aServerThatNeverAnswersIsATimeout1050() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            waitForClient(conn);
        })) {
            long start = System.nanoTime();
            HttpResponse res = get(server, SHORT, false);
            assertFailed(res, HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", "request timeout");
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "ended by the 600 ms timeout");
            assertEquals(0, res.bytesReceived());
        }
    }

    @Test
    void aStalledBodyIsATimeoutAfterThePartThatCame() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nthe first bytes only");
            waitForClient(conn);
        })) {
            HttpResponse res = get(server, SHORT, false);
            assertFailed(res, HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", "request timeout");
            assertTrue(res.bytesReceived() > 20, "the part that came is counted: " + res.bytesReceived());
        }
    }

    @Test
    void aSlowlorisResponseIsATimeoutNotAnEndlessWait() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 40; i++) { // a header byte every 50 ms: 2 s in all, the client gives up first
                conn.write("X");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        })) {
            long start = System.nanoTime();
            HttpResponse res = get(server, SHORT, false);
            assertFailed(res, HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", "request timeout");
            assertTrue(System.nanoTime() - start < 1_800_000_000L, "the timeout counts from the start, not the last byte");
        }
    }

    @Test
    void hugeHeadersAre1061() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\nok");
            waitForClient(conn);
        })) {
            assertFailed(get(server, Duration.ofSeconds(5), false), HttpErrorCodes.HEADERS_TOO_LARGE,
                    "response headers too large", "response headers too large");
        }
    }

    @Test
    void aBadStatusLineIsAMalformedResponse1060() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write("SSH-2.0-OpenSSH_9.2\r\n\r\n");
            waitForClient(conn);
        })) {
            HttpResponse res = get(server, Duration.ofSeconds(5), false);
            assertFailed(res, HttpErrorCodes.MALFORMED_RESPONSE, "malformed response (not HTTP)",
                    "malformed response (not HTTP: bad status line or header)");
        }
    }

    @Test
    void aResetMidBodyIs1220() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(5000));
            conn.socket.setSoLinger(true, 0); // close with RST
        })) {
            HttpResponse res = get(server, Duration.ofSeconds(5), false);
            assertFailed(res, HttpErrorCodes.CONNECTION_RESET, "connection reset by peer", "connection reset by peer");
        }
    }

    /** A chunked body whose last chunk never comes; then the server closes, or keeps the connection open. */
    private static ScriptedServer.Script unterminatedChunked(boolean keepOpen) {
        return conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            if (keepOpen) {
                waitForClient(conn);
            }
        };
    }

    @Test
    void anUnterminatedChunkedBodyIs1230WhenTheServerCloses() throws Exception {
        try (ScriptedServer server = new ScriptedServer(unterminatedChunked(false))) {
            HttpResponse res = get(server, Duration.ofSeconds(5), false);
            assertFailed(res, HttpErrorCodes.CONNECTION_CLOSED, "before the response ended", "connection closed by server");
        }
    }

    @Test
    void anUnterminatedChunkedBodyOnAnOpenConnectionIsATimeout() throws Exception {
        try (ScriptedServer server = new ScriptedServer(unterminatedChunked(true))) {
            assertFailed(get(server, SHORT, false), HttpErrorCodes.REQUEST_TIMEOUT, "request timeout", "request timeout");
        }
    }

    /** A 100 MB body, written in 1 MiB writes; the writes fail once the client gives up. */
    private static ScriptedServer.Script hundredMegabytes() {
        return conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: " + 100_000_000 + "\r\n\r\n");
            byte[] chunk = new byte[1_000_000];
            for (int i = 0; i < 100; i++) {
                conn.out.write(chunk);
            }
            conn.out.flush();
        };
    }

    @Test
    void aHundredMegabyteBodyDiscardedIsReadWholeAndCounted() throws Exception {
        try (ScriptedServer server = new ScriptedServer(hundredMegabytes())) {
            HttpResponse res = get(server, Duration.ofSeconds(20), true);
            assertEquals(200, res.status(), res.error());
            assertEquals(0, res.errorCode());
            assertEquals(0, res.body().length, "nothing kept");
            assertTrue(res.bytesReceived() > 100_000_000, "every byte counted: " + res.bytesReceived());
        }
    }

    @Test
    void aHundredMegabyteBodyKeptIs1062AtTheDefaultCap() throws Exception {
        try (ScriptedServer server = new ScriptedServer(hundredMegabytes())) {
            HttpResponse res = get(server, Duration.ofSeconds(20), false);
            assertFailed(res, HttpErrorCodes.BODY_TOO_LARGE, "larger than maxResponseBodySize (67108864 bytes",
                    "response body over maxResponseBodySize");
        }
    }

    @Test
    void discardResponseBodiesInTheConfigReadsAnySizeToo() throws Exception {
        HttpConfig discard = new HttpConfig("salvo-test/1.0", true, null, null, null, null, false, 0, 0, 1 << 20);
        try (ScriptedServer server = new ScriptedServer(hundredMegabytes()); SessionFixture own = new SessionFixture(discard)) {
            HttpResponse res = own.send(new HttpRequest("GET", URI.create(server.url("/")), List.of(), null,
                    Duration.ofSeconds(20), 0, false, Map.of()));
            assertEquals(200, res.status(), res.error());
            assertTrue(res.bytesReceived() > 100_000_000, "every byte counted: " + res.bytesReceived());
        }
    }

    @Test
    void theCapOfKeptBodiesIsTheConfigs() throws Exception {
        HttpConfig small = new HttpConfig("salvo-test/1.0", false, null, null, null, null, false, 0, 0, 1 << 20);
        try (ScriptedServer server = new ScriptedServer(hundredMegabytes()); SessionFixture own = new SessionFixture(small)) {
            HttpResponse res = own.get(server.url("/"));
            assertFailed(res, HttpErrorCodes.BODY_TOO_LARGE, "(1048576 bytes", "response body over maxResponseBodySize");
            assertTrue(res.bytesReceived() < 50_000_000, "stopped near the cap: " + res.bytesReceived());
        }
    }

    @Test
    void tlsToAPlainHttpPortIsATlsError1300NotAWebSocketOne() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.in.read(); // the ClientHello, read as the start of a request line
            conn.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        })) {
            String url = server.url("/").replace("http://", "https://");
            HttpResponse res = fx.send(new HttpRequest("GET", URI.create(url), List.of(), null, Duration.ofSeconds(5), 0,
                    false, Map.of()));
            assertFailed(res, HttpErrorCodes.TLS_ERROR, "tls: ", "TLS error");
            assertNotEquals(ErrorCodes.describe("1300"), ErrorCodes.describe("1700"));
        }
    }

    @Test
    void aServerClosingDuringTheTlsHandshakeIsATlsError() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.in.read(); // the ClientHello's first byte; then the connection closes, as a server that is no TLS one may do
        })) {
            String url = server.url("/").replace("http://", "https://");
            HttpResponse res = fx.send(new HttpRequest("GET", URI.create(url), List.of(), null, Duration.ofSeconds(5), 0,
                    false, Map.of()));
            assertFailed(res, HttpErrorCodes.TLS_ERROR, "tls: ", "TLS error");
        }
    }
}
