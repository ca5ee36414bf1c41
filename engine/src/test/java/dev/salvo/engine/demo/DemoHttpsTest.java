package dev.salvo.engine.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The demo target's HTTPS port through the JDK's client: its certificate, ALPN and HTTP/2. */
class DemoHttpsTest extends DemoTargetTest {
    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                BodyHandlers.ofString());
    }

    private static HttpClient trusting(HttpClient.Version version) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("demo", demo.certificate().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void httpsUrlIsASecondLoopbackPort() {
        assertNotEquals(demo.port(), demo.httpsPort());
        assertEquals("https://127.0.0.1:" + demo.httpsPort(), demo.httpsUrl());
        assertEquals(demo.httpsUrl(), demo.env().get("HTTPS_URL"));
        assertTrue(demo.certificate().fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), demo.certificate().fingerprint());
    }

    @Test
    void alpnPicksHttp2WhenTheClientOffersIt() throws Exception {
        try (HttpClient client = trusting(HttpClient.Version.HTTP_2)) {
            HttpResponse<String> res = get(client, demo.httpsUrl() + "/api/items/7");
            assertEquals(200, res.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, res.version());
            assertTrue(res.body().contains("\"Item 7\""), res.body());
        }
    }

    @Test
    void http11OverTlsStillWorks() throws Exception {
        try (HttpClient client = trusting(HttpClient.Version.HTTP_1_1)) {
            HttpResponse<String> res = get(client, demo.httpsUrl() + "/health");
            assertEquals(200, res.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, res.version());
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            assertThrows(SSLHandshakeException.class, () -> get(client, demo.httpsUrl() + "/health"));
        }
    }

    @Test
    void expiredCertificatesCanBeMadeForTests() {
        var now = java.time.Instant.now();
        DemoCertificate old = DemoCertificate.generate("127.0.0.1", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        assertThrows(java.security.cert.CertificateExpiredException.class, () -> old.certificate().checkValidity());
        assertTrue(old.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(old.keyPem().contains("PRIVATE KEY-----"));
    }
}
