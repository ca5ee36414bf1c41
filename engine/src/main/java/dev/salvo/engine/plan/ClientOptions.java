package dev.salvo.engine.plan;

import dev.salvo.engine.http.Connections;
import dev.salvo.engine.http.Http2Mode;
import dev.salvo.engine.http.TlsConfig;

/** The HTTP client options of a run: TLS, HTTP/2 and how connections are made and kept. */
public record ClientOptions(TlsConfig tls, Http2Mode http2, Connections connections) {
    public static final ClientOptions DEFAULT = new ClientOptions(TlsConfig.DEFAULT, Http2Mode.AUTO, Connections.DEFAULT);

    /** These options with the client certificates replaced (their files read). */
    public ClientOptions withTls(TlsConfig tls) {
        return new ClientOptions(tls, http2, connections);
    }
}
