package dev.salvo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code salvo demo} as users start it: both URLs and the certificate's fingerprint, then SIGTERM. */
class DemoCommandIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.home"), "bin", "salvo");

    @Test
    void printsTheHttpAndHttpsUrlsAndTheCertificateFingerprint() throws Exception {
        Process p = new ProcessBuilder(LAUNCHER.toString(), "demo", "--port", "0", "--https-port", "0")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; lines.size() < 2 && (line = out.readLine()) != null; ) {
                if (line.startsWith("salvo demo target on") || line.startsWith("HTTPS")) {
                    lines.add(line);
                }
            }
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "salvo demo did not stop on SIGTERM");
        }
        String all = String.join("\n", lines);
        assertTrue(all.matches("(?s)salvo demo target on http://127\\.0\\.0\\.1:\\d+ .*"), all);
        assertTrue(all.matches("(?s).*\nHTTPS and HTTP/2 on https://127\\.0\\.0\\.1:\\d+ \\(self-signed certificate, SHA-256 "
                + "fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}\\)"), all);
    }
}
