package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSessionFailureTest {
    private final SessionFixture fx = new SessionFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void refusedConnectionIsCode1212() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpResponse res = fx.get("http://127.0.0.1:" + port + "/");
        assertEquals(0, res.status());
        assertEquals(HttpErrorCodes.CONNECTION_REFUSED, res.errorCode());
        assertTrue(res.error().contains("connection refused"), res.error());
        assertEquals(1, fx.seen.size(), "a failed exchange is still reported");
        assertEquals(0, fx.openConnections());
    }

    @Test
    void connectThatNeverCompletesIsCode1211() throws Exception {
        // A listener whose accept queue is full drops further SYNs, so the connect hangs until our timeout.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    fillers.add(s);
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                    } catch (IOException e) {
                        break; // the queue is full now
                    }
                }
                try (SessionFixture quick = new SessionFixture(
                        new HttpConfig("salvo-test/1.0", false, Duration.ofMillis(300)))) {
                    HttpResponse res = quick.get("http://127.0.0.1:" + full.getLocalPort() + "/");
                    assertEquals(0, res.status());
                    assertEquals(HttpErrorCodes.DIAL_TIMEOUT, res.errorCode(), res.error());
                    assertTrue(res.timings().connecting() >= 250, "connecting " + res.timings().connecting());
                }
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void unknownHostIsCode1100() throws Exception {
        HttpResponse res = fx.get("http://no-such-host.invalid/");
        assertEquals(0, res.status());
        assertEquals(HttpErrorCodes.DNS_FAILURE, res.errorCode(), res.error());
        assertEquals("lookup no-such-host.invalid: no such host", res.error());
    }

    @Test
    void urlWithoutHttpSchemeIsCode1020() throws Exception {
        assertEquals(HttpErrorCodes.INVALID_URL, fx.get("ftp://127.0.0.1/x").errorCode());
        assertEquals(HttpErrorCodes.INVALID_URL, fx.get("/relative/only").errorCode());
    }

    @Test
    void invalidMethodIsAnErrorValueNotAnException() throws Exception {
        HttpResponse res = fx.send(HttpRequest.of("BAD METHOD", URI.create("http://127.0.0.1:1/")));
        assertEquals(0, res.status());
        assertEquals(HttpErrorCodes.INVALID_REQUEST, res.errorCode());
    }

    @Test
    void serverClosingMidResponseIsCode1230() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a part");
        })) {
            HttpResponse res = fx.get(server.url("/"));
            assertEquals(0, res.status());
            assertEquals(HttpErrorCodes.CONNECTION_CLOSED, res.errorCode());
            assertTrue(res.bytesReceived() > 0);
        }
    }

    @Test
    void resetByPeerIsCode1220() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.socket.setSoLinger(true, 0); // close with RST
        })) {
            HttpResponse res = fx.get(server.url("/"));
            assertEquals(0, res.status());
            assertEquals(HttpErrorCodes.CONNECTION_RESET, res.errorCode(), res.error());
        }
    }

    @Test
    void staleKeptAliveConnectionIsRetriedOnceOnAFreshOne() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write(ScriptedServer.OK);
            conn.readRequest(); // then close without answering, as a server timing out idle connections does
        }, conn -> {
            conn.readRequest();
            conn.write(ScriptedServer.OK);
        })) {
            assertEquals(200, fx.get(server.url("/a")).status());
            HttpResponse second = fx.get(server.url("/b"));
            assertEquals(200, second.status(), second.error());
            assertEquals(2, server.accepted());
            assertEquals(2, fx.seen.size(), "the failed first try of /b is not reported");
        }
    }

    @Test
    void idleConnectionClosedByServerLeavesThePool() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write(ScriptedServer.OK);
            conn.socket.close();
            closed.countDown();
        }, conn -> {
            conn.readRequest();
            conn.write(ScriptedServer.OK);
        })) {
            assertEquals(200, fx.get(server.url("/a")).status());
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (fx.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, fx.openConnections());
            assertEquals(200, fx.get(server.url("/b")).status());
        }
    }

    @Test
    void connectionCloseResponseIsNotReused() throws Exception {
        try (ScriptedServer server = new ScriptedServer(conn -> {
            conn.readRequest();
            conn.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        }, conn -> {
            conn.readRequest();
            conn.write("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
        }, conn -> {
            conn.readRequest();
            conn.write(ScriptedServer.OK);
        })) {
            assertEquals(200, fx.get(server.url("/a")).status());
            HttpResponse http10 = fx.get(server.url("/b"));
            assertEquals("HTTP/1.0", http10.proto());
            assertEquals(200, fx.get(server.url("/c")).status());
            assertEquals(3, server.accepted());
        }
    }
}
