package dev.salvo.engine.http;

import dev.salvo.engine.demo.DemoTargetTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Connection control (reuse, hosts, localIPs, DNS cache) and proxies, against the demo target. */
class HttpSessionConnectionsTest extends DemoTargetTest {
    private static HttpConfig config(Http2Mode http2, Connections connections) {
        return new HttpConfig("salvo-test/1.0", false, Duration.ofSeconds(5), SessionFixture.INSECURE_TLS, http2, connections, false, 0, 0);
    }

    private static Connections connections(boolean noReuse, Map<String, String> hosts, List<InetAddress> localIps,
            ProxyConfig proxy) {
        return new Connections(noReuse, false, 10, hosts, null, localIps, proxy);
    }

    @Test
    void noConnectionReuseOpensAConnectionPerRequestOnHttp1AndHttp2() throws Exception {
        for (String base : List.of(demo.baseUrl(), demo.httpsUrl())) {
            try (SessionFixture fx = new SessionFixture(config(Http2Mode.AUTO, connections(true, Map.of(), List.of(), null)))) {
                long before = demo.connectionsAccepted();
                for (int i = 0; i < 3; i++) {
                    HttpResponse res = fx.get(base + "/health");
                    assertEquals(200, res.status(), res.error());
                    assertTrue(res.timings().connecting() > 0 || res.timings().tlsHandshaking() > 0, base);
                }
                assertEquals(3, demo.connectionsAccepted() - before, base);
            }
        }
    }

    @Test
    void closeIdleConnectionsEndsKeepAlive() throws Exception {
        try (SessionFixture fx = new SessionFixture()) {
            assertEquals(200, fx.get(demo.baseUrl() + "/health").status());
            assertEquals(1, fx.openConnections());
            fx.loop.submit(fx.session::closeIdleConnections).get();
            long before = demo.connectionsAccepted();
            assertEquals(200, fx.get(demo.baseUrl() + "/health").status());
            assertEquals(1, demo.connectionsAccepted() - before);
        }
    }

    @Test
    void hostsSendANameToAnotherAddressKeepingHostHeaderAndSni() throws Exception {
        Map<String, String> hosts = Map.of("api.test", "127.0.0.1:" + demo.port(), "secure.test", "127.0.0.1:" + demo.httpsPort());
        try (SessionFixture fx = new SessionFixture(config(Http2Mode.AUTO, connections(false, hosts, List.of(), null)))) {
            HttpResponse plain = fx.get("http://api.test/api/items/2");
            assertEquals(200, plain.status(), plain.error());
            assertEquals(200, fx.get("https://secure.test/health").status());
        }
    }

    @Test
    void localIpsAreUsedInTurnAsSourceAddresses() throws Exception {
        List<String> sources = new CopyOnWriteArrayList<>();
        ScriptedServer.Script record = conn -> {
            sources.add(conn.socket.getInetAddress().getHostAddress());
            conn.readRequest();
            conn.write(ScriptedServer.OK);
        };
        List<InetAddress> ips = List.of(InetAddress.getByName("127.0.0.10"), InetAddress.getByName("127.0.0.11"));
        try (ScriptedServer server = new ScriptedServer(record, record, record, record);
                SessionFixture fx = new SessionFixture(config(Http2Mode.AUTO, connections(true, Map.of(), ips, null)))) {
            for (int i = 0; i < 4; i++) {
                assertEquals(200, fx.get(server.url("/")).status());
            }
        }
        assertEquals(2, sources.stream().filter("127.0.0.10"::equals).count(), sources.toString());
        assertEquals(2, sources.stream().filter("127.0.0.11"::equals).count(), sources.toString());
    }

    @Test
    void aDnsCacheTtlStillResolvesNames() throws Exception {
        Connections ttl = new Connections(false, false, 10, Map.of(), Duration.ofMinutes(5), List.of(), null);
        try (SessionFixture fx = new SessionFixture(config(Http2Mode.AUTO, ttl))) {
            assertEquals(200, fx.get("http://localhost:" + demo.port() + "/health").status());
        }
    }

    @Test
    void plainHttpGoesThroughTheProxyInAbsoluteFormAndHttpsThroughAConnectTunnel() throws Exception {
        try (TestProxy proxy = new TestProxy()) {
            ProxyConfig config = new ProxyConfig(URI.create(proxy.url()), URI.create(proxy.url()), List.of());
            try (SessionFixture fx = new SessionFixture(config(Http2Mode.AUTO, connections(false, Map.of(), List.of(), config)))) {
                HttpResponse plain = fx.get(demo.baseUrl() + "/api/items/9?x=1");
                assertEquals(200, plain.status(), plain.error());
                assertTrue(new String(plain.body()).contains("\"Item 9\""));
                HttpResponse tls = fx.get(demo.httpsUrl() + "/health");
                assertEquals(200, tls.status(), tls.error());
                assertEquals("HTTP/2.0", tls.proto());
            }
            assertEquals(List.of("GET " + demo.baseUrl() + "/api/items/9?x=1 HTTP/1.1",
                    "CONNECT 127.0.0.1:" + demo.httpsPort() + " HTTP/1.1"), proxy.requestLines);
        }
    }

    @Test
    void noProxyHostsGoDirect() throws Exception {
        ProxyConfig config = new ProxyConfig(URI.create("http://127.0.0.1:9"), null, List.of("localhost", ".example.com"));
        assertEquals(null, config.forTarget("localhost", false));
        assertEquals(null, config.forTarget("api.example.com", false));
        assertEquals(URI.create("http://127.0.0.1:9"), config.forTarget("127.0.0.1", false));
        assertEquals(null, config.forTarget("127.0.0.1", true), "no https proxy: direct");
    }

    @Test
    void anUnreachableProxyIsAnErrorNamingTheProxy() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + closedPort);
        ProxyConfig config = new ProxyConfig(dead, dead, List.of());
        try (SessionFixture fx = new SessionFixture(config(Http2Mode.AUTO, connections(false, Map.of(), List.of(), config)))) {
            for (String url : List.of(demo.baseUrl() + "/health", demo.httpsUrl() + "/health")) {
                HttpResponse res = fx.get(url);
                assertEquals(0, res.status());
                assertEquals(HttpErrorCodes.CONNECTION_REFUSED, res.errorCode(), res.error());
                assertEquals("proxy " + dead + ": dial 127.0.0.1:" + closedPort + ": connection refused", res.error());
            }
        }
    }
}
