package dev.salvo.engine.http;

import java.util.List;
import java.util.Objects;
import java.util.Locale;


/**
 * TLS settings of a run, with k6's option names: {@code insecureSkipTLSVerify}, {@code tlsVersion}
 * (protocol names such as {@code TLSv1.2}; null means the provider's default), {@code tlsCipherSuites}
 * (empty: the provider's default) and {@code tlsAuth} client certificates.
 */
public record TlsConfig(boolean insecureSkipVerify, String minVersion, String maxVersion, List<String> cipherSuites,
        List<ClientCertificate> clientCertificates) {

    public static final TlsConfig DEFAULT = new TlsConfig(false, null, null, List.of(), List.of());

    /** The same settings, accepting any server certificate (k6's {@code --insecure-skip-tls-verify}). */
    public TlsConfig insecure() {
        return new TlsConfig(true, minVersion, maxVersion, cipherSuites, clientCertificates);
    }

    /** Protocol names from oldest to newest, as the JDK spells them. */
    public static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public TlsConfig {
        cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
        clientCertificates = clientCertificates == null ? List.of() : List.copyOf(clientCertificates);
    }

    /**
     * A client certificate offered to the hosts in {@code domains} (exact names, or {@code *.example.com};
     * empty: every host). {@code cert} and {@code key} hold PEM text; {@code source} says where they came
     * from, for error messages.
     */
    public record ClientCertificate(List<String> domains, String cert, String key, String source) {
        public ClientCertificate {
            domains = domains == null ? List.of() : List.copyOf(domains);
            Objects.requireNonNull(cert, "cert");
            Objects.requireNonNull(key, "key");
        }

        public boolean matches(String host) {
            if (domains.isEmpty()) {
                return true;
            }
            for (String d : domains) {
                if (d.equalsIgnoreCase(host) || (d.startsWith("*.") && host.toLowerCase(Locale.ROOT)
                        .endsWith(d.substring(1).toLowerCase(Locale.ROOT)))) {
                    return true;
                }
            }
            return false;
        }
    }
}
