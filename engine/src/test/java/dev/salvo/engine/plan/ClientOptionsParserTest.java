package dev.salvo.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.http.Connections;
import dev.salvo.engine.http.Http2Mode;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** k6's client options, their defaults, the proxy environment variables and every bad value. */
class ClientOptionsParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ClientOptions parse(String options, Map<String, String> env) throws Exception {
        return PlanParser.parse(JSON.readTree(options.replace('\'', '"')), Overrides.NONE, env).client();
    }

    private static List<String> errors(String options) throws Exception {
        return assertThrows(PlanException.class, () -> parse(options, Map.of())).problems();
    }

    @Test
    void defaultsAreK6s() throws Exception {
        ClientOptions c = parse("{}", Map.of());
        assertEquals(Http2Mode.AUTO, c.http2());
        assertEquals(Connections.DEFAULT, c.connections());
        assertEquals(false, c.tls().insecureSkipVerify());
        assertNull(c.tls().minVersion());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        ClientOptions c = parse("""
                {'insecureSkipTLSVerify': true, 'tlsVersion': {'min': 'tls1.2', 'max': 'tls1.3'},
                 'tlsCipherSuites': ['TLS_AES_128_GCM_SHA256'], 'http2': 'on', 'noConnectionReuse': true,
                 'noVUConnectionReuse': true, 'maxRedirects': 3, 'hosts': {'api.test': '127.0.0.1:8443'},
                 'dns': {'ttl': '5m'}, 'localIPs': ['127.0.0.10-127.0.0.11', '10.0.0.0/31', '127.0.0.99'],
                 'proxy': {'http': 'proxy:3128', 'noProxy': 'localhost, .internal'}}
                """, Map.of());
        assertTrue(c.tls().insecureSkipVerify());
        assertEquals("TLSv1.2", c.tls().minVersion());
        assertEquals("TLSv1.3", c.tls().maxVersion());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"), c.tls().cipherSuites());
        assertEquals(Http2Mode.ON, c.http2());
        Connections n = c.connections();
        assertTrue(n.noConnectionReuse() && n.noVuConnectionReuse());
        assertEquals(3, n.maxRedirects());
        assertEquals(Map.of("api.test", "127.0.0.1:8443"), n.hosts());
        assertEquals(Duration.ofMinutes(5), n.dnsTtl());
        assertEquals(List.of("127.0.0.10", "127.0.0.11", "10.0.0.0", "10.0.0.1", "127.0.0.99"),
                n.localIps().stream().map(InetAddress::getHostAddress).toList());
        assertEquals(URI.create("http://proxy:3128"), n.proxy().http());
        assertNull(n.proxy().https());
        assertEquals(List.of("localhost", ".internal"), n.proxy().noProxy());
    }

    @Test
    void aVersionStringPinsThatVersion() throws Exception {
        ClientOptions c = parse("{'tlsVersion': 'tls1.2'}", Map.of());
        assertEquals("TLSv1.2", c.tls().minVersion());
        assertEquals("TLSv1.2", c.tls().maxVersion());
    }

    @Test
    void theProxyComesFromTheEnvironmentWhenNotAnOption() throws Exception {
        ClientOptions c = parse("{}", Map.of("https_proxy", "http://corp:8080", "HTTP_PROXY", "http://plain:3128",
                "NO_PROXY", "localhost,127.0.0.1"));
        assertEquals(URI.create("http://plain:3128"), c.connections().proxy().http());
        assertEquals(URI.create("http://corp:8080"), c.connections().proxy().https());
        assertNull(c.connections().proxy().forTarget("127.0.0.1", true));
        ClientOptions option = parse("{'proxy': 'http://mine:1'}", Map.of("HTTP_PROXY", "http://plain:3128"));
        assertEquals(URI.create("http://mine:1"), option.connections().proxy().http());
        assertEquals(URI.create("http://mine:1"), option.connections().proxy().https());
    }

    @Test
    void dnsTtlTakesInfAndZero() throws Exception {
        assertEquals(Duration.ZERO, parse("{'dns': {'ttl': '0'}}", Map.of()).connections().dnsTtl());
        assertEquals(Duration.ofSeconds(Integer.MAX_VALUE), parse("{'dns': {'ttl': 'inf'}}", Map.of()).connections().dnsTtl());
    }

    @Test
    void badValuesAreAllReportedWithTheirKey() throws Exception {
        List<String> e = errors("""
                {'http2': true, 'tlsVersion': {'min': 'tls1.3', 'max': 'tls1.2'}, 'localIPs': '127.0.0.9-127.0.0.1',
                 'hosts': {'a.test': 'not an address'}, 'proxy': 'ftp://x:1', 'maxRedirects': -1,
                 'tlsAuth': [{'domains': ['x'], 'cert': 'c.pem'}], 'dns': {'ttl': 'soon'}}
                """);
        String all = String.join("\n", e);
        assertTrue(all.contains("options.http2: must be a string"), all);
        assertTrue(all.contains("options.tlsVersion: min must not be above max"), all);
        assertTrue(all.contains("options.localIPs: '127.0.0.9-127.0.0.1': the first address is after the last"), all);
        assertTrue(all.contains("options.hosts.a.test: must be an address such as '127.0.0.1:8443', not 'not an address'"), all);
        assertTrue(all.contains("options.proxy: invalid proxy URL 'ftp://x:1'"), all);
        assertTrue(all.contains("options.maxRedirects: must be >= 0"), all);
        assertTrue(all.contains("options.tlsAuth[0].key: is required"), all);
        assertTrue(all.contains("options.dns.ttl:"), all);
        assertEquals(8, e.size(), all);
    }

    @Test
    void maxResponseBodySizeIsBytesOrASizeWithAUnit() throws Exception {
        assertEquals(64L << 20, parse("{}", Map.of()).maxResponseBodySize());
        assertEquals(1000, parse("{'maxResponseBodySize': 1000}", Map.of()).maxResponseBodySize());
        assertEquals(512L << 10, parse("{'maxResponseBodySize': '512KB'}", Map.of()).maxResponseBodySize());
        assertEquals(256L << 20, parse("{'maxResponseBodySize': '256 MiB'}", Map.of()).maxResponseBodySize());
        assertEquals(1L << 30, parse("{'maxResponseBodySize': '1gb'}", Map.of()).maxResponseBodySize());
        for (String bad : List.of("0", "-5", "'lots'", "'3TB'", "'4GB'", "true")) {
            List<String> errors = errors("{'maxResponseBodySize': " + bad + "}");
            assertEquals(1, errors.size(), bad + ": " + errors);
            assertTrue(errors.get(0).startsWith("options.maxResponseBodySize: must be a size from 1 byte to 2GB"), errors.get(0));
        }
    }
}
