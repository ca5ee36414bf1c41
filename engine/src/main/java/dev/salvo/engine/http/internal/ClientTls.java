package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.TlsConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * The client {@link SslContext}s of a run: one without a client certificate and one per {@code tlsAuth}
 * entry. Shared by every session with the same settings, so TLS sessions are cached and resumed across
 * connections, and the trust store is read once.
 */
public final class ClientTls {
    private record Key(TlsConfig config, boolean alpnH2) {
    }

    private static final Map<Key, ClientTls> CACHE = new ConcurrentHashMap<>();
    /**
     * The JDK's TLS; {@code -Dsalvo.tls.provider=openssl} switches to BoringSSL when netty-tcnative is on
     * the class path (it is not shipped: bench/TlsLatency.java compares the two, docs/performance.md).
     */
    private static final SslProvider PROVIDER = "openssl".equals(System.getProperty("salvo.tls.provider"))
            && SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;

    private final TlsConfig config;
    private final SslContext plain;
    private final List<SslContext> withCertificate;

    private ClientTls(TlsConfig config, boolean alpnH2) throws SSLException {
        this.config = config;
        this.plain = build(config, null, alpnH2);
        List<SslContext> contexts = new ArrayList<>();
        for (TlsConfig.ClientCertificate c : config.clientCertificates()) {
            contexts.add(build(config, c, alpnH2));
        }
        this.withCertificate = List.copyOf(contexts);
    }

    /** The contexts for {@code config}; {@code alpnH2} offers h2 before http/1.1 by ALPN. */
    public static ClientTls of(TlsConfig config, boolean alpnH2) {
        return CACHE.computeIfAbsent(new Key(config, alpnH2), k -> {
            try {
                return new ClientTls(k.config(), k.alpnH2());
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }

    /** Builds every context once: a bad PEM, protocol or cipher suite fails here, before any request. */
    public static void check(TlsConfig config) throws SSLException {
        new ClientTls(config, false);
    }

    /** The context for {@code host}: the first client certificate whose domains match, else none. */
    public SslContext forHost(String host) {
        for (int i = 0; i < withCertificate.size(); i++) {
            if (config.clientCertificates().get(i).matches(host)) {
                return withCertificate.get(i);
            }
        }
        return plain;
    }

    private static SslContext build(TlsConfig config, TlsConfig.ClientCertificate cert, boolean alpnH2)
            throws SSLException {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(PROVIDER);
        if (config.insecureSkipVerify()) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            b.endpointIdentificationAlgorithm("HTTPS");
        }
        List<String> protocols = protocols(config);
        if (!protocols.isEmpty()) {
            b.protocols(protocols);
        }
        if (!config.cipherSuites().isEmpty()) {
            b.ciphers(config.cipherSuites());
        }
        if (cert != null) {
            try {
                b.keyManager(Pem.privateKey(cert.key()), Pem.certificates(cert.cert()));
            } catch (IllegalArgumentException e) {
                throw new SSLException(cert.source() + ": " + e.getMessage(), e);
            }
        }
        List<String> alpn = alpnH2 ? List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)
                : List.of(ApplicationProtocolNames.HTTP_1_1);
        b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
        return b.build();
    }

    /** The versions from min to max, or none to keep the provider's default. */
    private static List<String> protocols(TlsConfig config) {
        if (config.minVersion() == null && config.maxVersion() == null) {
            return List.of();
        }
        List<String> all = TlsConfig.VERSIONS;
        int to = config.maxVersion() == null ? all.size() - 1 : all.indexOf(config.maxVersion());
        int from = config.minVersion() == null ? Math.min(all.indexOf("TLSv1.2"), to) : all.indexOf(config.minVersion());
        return from > to ? List.of() : all.subList(from, to + 1);
    }
}
