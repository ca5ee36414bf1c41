package dev.salvo.engine.ws.internal;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.SSLException;

/** The client TLS contexts of {@code wss://} (JDK provider): one verifying certificates, one trusting all. */
final class WsTls {
    private static SslContext verifying;
    private static SslContext trustAll;

    private WsTls() {}

    static synchronized SslContext context(boolean insecure) {
        try {
            return build(insecure);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static SslContext build(boolean insecure) throws SSLException {
        if (insecure) {
            if (trustAll == null) trustAll = builder().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
            return trustAll;
        }
        if (verifying == null) verifying = builder().build();
        return verifying;
    }

    private static SslContextBuilder builder() {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
    }
}
