package dev.salvo.engine.plan;

import dev.salvo.engine.config.Problems;
import dev.salvo.engine.http.TlsConfig;
import dev.salvo.engine.http.internal.ClientTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;


/**
 * Reads the {@code tlsAuth} files, relative to the script, before the run: a missing file, a file that
 * is not PEM or a key that does not fit its certificate is an options error naming the entry and file.
 */
public final class ClientCertificates {
    private static final String PEM = "-----BEGIN ";

    private ClientCertificates() {
    }

    /** The options with every certificate and key as PEM text; problems go to {@code problems}. */
    public static ClientOptions resolve(ClientOptions options, Path baseDir, Problems problems) {
        TlsConfig tls = options.tls();
        if (tls.clientCertificates().isEmpty()) {
            return options;
        }
        List<TlsConfig.ClientCertificate> read = new ArrayList<>();
        boolean ok = true;
        for (TlsConfig.ClientCertificate c : tls.clientCertificates()) {
            String cert = pem(c.cert(), c.source() + ".cert", baseDir, problems);
            String key = pem(c.key(), c.source() + ".key", baseDir, problems);
            ok &= cert != null && key != null;
            if (cert != null && key != null) {
                String from = c.source() + " (" + describe(c.cert()) + ", " + describe(c.key()) + ")";
                read.add(new TlsConfig.ClientCertificate(c.domains(), cert, key, from));
            }
        }
        TlsConfig resolved = new TlsConfig(tls.insecureSkipVerify(), tls.minVersion(), tls.maxVersion(), tls.cipherSuites(), read);
        if (ok) {
            try {
                ClientTls.check(resolved);
            } catch (SSLException | IllegalArgumentException e) {
                problems.error("options.tlsAuth", "unusable certificate or key: " + e.getMessage());
            }
        }
        return options.withTls(resolved);
    }

    private static String pem(String value, String path, Path baseDir, Problems problems) {
        if (value.contains(PEM)) {
            return value;
        }
        Path file = baseDir.resolve(value);
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (!text.contains(PEM)) {
                problems.error(path, "'" + value + "' is not a PEM file (no '-----BEGIN' line)");
                return null;
            }
            return text;
        } catch (NoSuchFileException e) {
            problems.error(path, "file not found: '" + value + "' (looked for " + file.toAbsolutePath().normalize() + ")");
        } catch (IOException | UncheckedIOException e) {
            problems.error(path, "cannot read '" + value + "': " + e.getMessage());
        }
        return null;
    }

    private static String describe(String value) {
        return value.contains(PEM) ? "PEM text" : value;
    }
}
