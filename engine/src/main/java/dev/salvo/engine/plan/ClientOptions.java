package dev.salvo.engine.plan;

import dev.salvo.engine.http.Connections;
import dev.salvo.engine.http.Http2Mode;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.TlsConfig;

/**
 * The HTTP client options of a run: TLS, HTTP/2, how connections are made and kept, k6's {@code noCookiesReset},
 * {@code batch} and {@code batchPerHost}; salvo's {@code maxResponseBodySize} (bytes).
 */
public record ClientOptions(TlsConfig tls, Http2Mode http2, Connections connections, boolean noCookiesReset, int batch,
        int batchPerHost, long maxResponseBodySize) {
    public static final ClientOptions DEFAULT = new ClientOptions(TlsConfig.DEFAULT, Http2Mode.AUTO, Connections.DEFAULT,
            false, HttpConfig.DEFAULT_BATCH, HttpConfig.DEFAULT_BATCH_PER_HOST, HttpConfig.DEFAULT_MAX_RESPONSE_BODY_SIZE);

    /** These options with the client certificates replaced (their files read). */
    public ClientOptions withTls(TlsConfig tls) {
        return new ClientOptions(tls, http2, connections, noCookiesReset, batch, batchPerHost, maxResponseBodySize);
    }
}
