package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.demo.DemoCertificate;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.demo.DemoTargetTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https against the demo target and against servers with bad certificates, through the real client. */
class HttpSessionTlsTest extends DemoTargetTest {
    private static HttpConfig config(TlsConfig tls, Http2Mode http2) {
        return new HttpConfig("salvo-test/1.0", false, Duration.ofSeconds(5), tls, http2, null, false, 0, 0);
    }

    @Test
    void httpsSpeaksHttp2ByAlpnAndReusesTheConnection() throws Exception {
        try (SessionFixture fx = new SessionFixture(config(SessionFixture.INSECURE_TLS, Http2Mode.AUTO))) {
            HttpResponse first = fx.get(demo.httpsUrl() + "/api/items/3");
            HttpResponse second = fx.get(demo.httpsUrl() + "/api/items/4");
            assertEquals(200, first.status(), first.error());
            assertEquals("HTTP/2.0", first.proto());
            assertTrue(new String(first.body()).contains("\"Item 3\""));
            assertEquals("tls1.3", first.tlsVersion());
            assertTrue(first.timings().tlsHandshaking() > 0, first.timings().toString());
            assertEquals(200, second.status());
            assertEquals(0, second.timings().tlsHandshaking());
            assertEquals(0, second.timings().connecting());
            assertEquals(1, fx.openConnections());
            assertTrue(first.bytesReceived() > first.body().length, "handshake bytes count as data received");
        }
    }

    @Test
    void http2OffKeepsHttp11OverTls() throws Exception {
        try (SessionFixture fx = new SessionFixture(config(SessionFixture.INSECURE_TLS, Http2Mode.OFF))) {
            HttpResponse res = fx.get(demo.httpsUrl() + "/health");
            assertEquals(200, res.status(), res.error());
            assertEquals("HTTP/1.1", res.proto());
            assertEquals(200, fx.get(demo.httpsUrl() + "/health").status());
            assertEquals(1, fx.openConnections());
        }
    }

    @Test
    void tlsVersionBoundsAreHonoured() throws Exception {
        TlsConfig tls12 = new TlsConfig(true, "TLSv1.2", "TLSv1.2", List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), List.of());
        try (SessionFixture fx = new SessionFixture(config(tls12, Http2Mode.AUTO))) {
            HttpResponse res = fx.get(demo.httpsUrl() + "/health");
            assertEquals(200, res.status(), res.error());
            assertEquals("tls1.2", res.tlsVersion());
        }
    }

    @Test
    void h2cByPriorKnowledgeWhenHttp2IsOn() throws Exception {
        try (SessionFixture fx = new SessionFixture(config(TlsConfig.DEFAULT, Http2Mode.ON))) {
            HttpResponse res = fx.get(demo.baseUrl() + "/api/items/5");
            assertEquals(200, res.status(), res.error());
            assertEquals("HTTP/2.0", res.proto());
            assertEquals("", res.tlsVersion());
            HttpResponse gzip = fx.get(demo.baseUrl() + "/gzip");
            assertEquals("gzip", gzip.header("content-encoding"), "decoded, and the header kept as sent");
            assertTrue(new String(gzip.body()).startsWith("{"), new String(gzip.body()));
            assertEquals(List.of("content-type", "content-encoding", "content-length"), List.copyOf(gzip.headers().keySet()),
                    "no x-http2-stream-id from the conversion to HTTP/1 objects");
        }
    }

    @Test
    void aSelfSignedCertificateIsAnUnknownAuthorityByDefault() throws Exception {
        try (SessionFixture fx = new SessionFixture(config(TlsConfig.DEFAULT, Http2Mode.AUTO))) {
            HttpResponse res = fx.get(demo.httpsUrl() + "/health");
            assertEquals(0, res.status());
            assertEquals(HttpErrorCodes.TLS_UNKNOWN_AUTHORITY, res.errorCode());
            assertTrue(res.error().startsWith("tls: x509: certificate signed by unknown authority"), res.error());
        }
    }

    /** Trusted through javax.net.ssl.trustStore, so that only the name or the dates are wrong. */
    @Test
    void wrongHostAndExpiredCertificatesAreTlsErrors(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        DemoCertificate ca = DemoCertificate.authority("salvo test CA");
        DemoCertificate wrongHost = DemoCertificate.generate("other.test", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), ca);
        DemoCertificate expired = DemoCertificate.generate("127.0.0.1", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)), ca);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca.certificate());
        Path file = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        // A cipher list of its own keeps this context apart from the ones other tests built.
        TlsConfig trusting = new TlsConfig(false, null, null, List.of("TLS_AES_128_GCM_SHA256"), List.of());
        try (DemoServer wrong = DemoServer.start(DemoOptions.defaults(), wrongHost);
                DemoServer old = DemoServer.start(DemoOptions.defaults(), expired);
                SessionFixture fx = new SessionFixture(config(trusting, Http2Mode.AUTO))) {
            HttpResponse mismatch = fx.get(wrong.httpsUrl() + "/health");
            assertEquals(0, mismatch.status());
            assertEquals(HttpErrorCodes.TLS_HOSTNAME_MISMATCH, mismatch.errorCode(), mismatch.error());
            assertTrue(mismatch.error().startsWith("tls: x509: certificate is not valid for 127.0.0.1"), mismatch.error());
            HttpResponse stale = fx.get(old.httpsUrl() + "/health");
            assertEquals(0, stale.status());
            assertEquals(HttpErrorCodes.TLS_ERROR, stale.errorCode(), stale.error());
            assertTrue(stale.error().startsWith("tls: x509: certificate has expired"), stale.error());
        } finally {
            System.clearProperty("javax.net.ssl.trustStore");
            System.clearProperty("javax.net.ssl.trustStorePassword");
            System.clearProperty("javax.net.ssl.trustStoreType");
        }
    }
}
