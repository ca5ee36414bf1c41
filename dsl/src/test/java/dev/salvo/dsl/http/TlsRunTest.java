package dev.salvo.dsl.http;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https, HTTP/2 and the TLS options through {@code salvo run --demo}, and their bad input. */
class TlsRunTest {
    @TempDir Path dir;

    @Test
    void httpsToTheDemoTargetSpeaksHttp2AndTimesTheHandshake() throws Exception {
        String file = script(dir, "https.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { insecureSkipTLSVerify: true, iterations: 3,
                  thresholds: { 'http_req_tls_handshaking{tls_version:tls1.3}': ['max<5000'],
                                'http_reqs{proto:HTTP/2.0}': ['count==6'] } };
                export default async function (data, vu) {
                  const first = await http.get(`${env.HTTPS_URL}/api/items/1`);
                  const again = await http.get(`${env.HTTPS_URL}/health`);
                  check(first, {
                    'status 200': (r) => r.status === 200,
                    'h2': (r) => r.proto === 'HTTP/2.0',
                    'tls1.3': (r) => r.tls_version === 'tls1.3',
                    'handshake timed once': (r) => (vu.iteration === 0) === (r.timings.tlsHandshaking > 0),
                  });
                  check(again, { 'kept alive': (r) => r.timings.tlsHandshaking === 0 && r.timings.connecting === 0 });
                }
                """);
        Salvo.Result r = Salvo.run("run", "--demo", file);
        assertEquals(0, r.exit(), r.toString());
        for (String c : new String[] {"status 200", "h2", "tls1.3", "handshake timed once", "kept alive"}) {
            assertEquals(3, r.passes(c), c + ": " + r);
        }
    }

    @Test
    void theSelfSignedDemoCertificateIsRefusedWithoutInsecureSkipTlsVerify() throws Exception {
        String file = script(dir, "strict.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { http2: 'off', tlsVersion: { min: http.TLS_1_2, max: http.TLS_1_3 } };
                export default async function () {
                  const res = await http.get(`${env.HTTPS_URL}/health`);
                  check(res, {
                    'status 0': (r) => r.status === 0,
                    'code 1310': (r) => r.errorCode === 1310,
                    'error names tls': (r) => r.error.startsWith('tls: x509: certificate signed by unknown authority'),
                  });
                }
                """);
        Salvo.Result r = Salvo.run("run", "--demo", file);
        assertEquals(97, r.exit(), "its one request failed: " + r);
        for (String c : new String[] {"status 0", "code 1310", "error names tls"}) assertEquals(1, r.passes(c), c + ": " + r);
    }

    @Test
    void insecureSkipTlsVerifyOnTheCommandLineAcceptsTheSelfSignedDemoCertificate() throws Exception {
        String file = script(dir, "flag.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { thresholds: { checks: ['rate==1'] } };
                export default async function () {
                  check(await http.get(`${env.HTTPS_URL}/health`), { 'ok': (r) => r.status === 200 });
                }
                """);
        Salvo.Result refused = Salvo.run("run", "--demo", "-i", "1", file);
        assertEquals(97, refused.exit(), "every request failed, whatever the thresholds: " + refused);
        Salvo.Result accepted = Salvo.run("run", "--demo", "-i", "1", "--insecure-skip-tls-verify", file);
        assertEquals(0, accepted.exit(), accepted.toString());
        assertEquals(1, accepted.passes("ok"), accepted.toString());
    }

    @Test
    void clientCertificatesAreReadRelativeToTheScript() throws Exception {
        DemoCertificate client = DemoCertificate.generate("client.test");
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/client.pem"), client.certificatePem());
        Files.writeString(dir.resolve("certs/client-key.pem"), client.keyPem());
        String file = script(dir, "mtls.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { insecureSkipTLSVerify: true,
                  tlsAuth: [{ domains: ['127.0.0.1'], cert: 'certs/client.pem', key: 'certs/client-key.pem' }] };
                export default async function () {
                  check(await http.get(`${env.HTTPS_URL}/health`), { 'ok': (r) => r.status === 200 });
                }
                """);
        Salvo.Result r = Salvo.run("run", "--demo", file);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.passes("ok"), r.toString());
    }

    @Test
    void aMissingClientCertificateFileIsAScriptErrorBeforeTheRun() throws Exception {
        String file = script(dir, "missing.js", """
                export const options = { tlsAuth: [{ domains: ['example.com'], cert: 'certs/none.pem', key: 'certs/none-key.pem' }] };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("options.tlsAuth[0].cert: file not found: 'certs/none.pem'"), r.toString());
        assertTrue(r.err().contains("options.tlsAuth[0].key: file not found: 'certs/none-key.pem'"), r.toString());
        assertFalse(r.err().contains("running"), r.toString());
        assertFalse(r.all().contains("Exception"), r.toString());
    }

    @Test
    void aClientCertificateFileThatIsNotPemIsAScriptError() throws Exception {
        Files.writeString(dir.resolve("cert.der"), "\u0030\u0082 binary, not PEM");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n");
        String file = script(dir, "notpem.js", """
                export const options = { tlsAuth: [{ cert: 'cert.der', key: 'key.pem' }] };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("options.tlsAuth[0].cert: 'cert.der' is not a PEM file"), r.toString());
    }

    @Test
    void badTlsAndHttp2OptionsAreScriptErrorsNamingTheKey() throws Exception {
        String file = script(dir, "bad.js", """
                export const options = { http2: 'maybe', tlsVersion: 'ssl3', tlsCipherSuites: ['TLS_NOPE'] };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("options.http2: must be 'auto', 'on' or 'off', not 'maybe'"), r.toString());
        assertTrue(r.err().contains("options.tlsVersion: must be one of tls1.0, tls1.1, tls1.2, tls1.3, not 'ssl3'"), r.toString());
        assertTrue(r.err().contains("options.tlsCipherSuites: unknown or unsupported cipher suite 'TLS_NOPE'"), r.toString());
    }
}
