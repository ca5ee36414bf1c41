package dev.salvo.engine.ws;

import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.TlsConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code ws.connect}: where to, the upgrade request's headers and subprotocols, whether to
 * offer permessage-deflate, how long the handshake may take, the largest message accepted, the tags
 * of its metrics and, for {@code wss://}, the run's TLS settings (null: the defaults).
 */
public record WsParams(URI url, List<Header> headers, List<String> subprotocols, boolean compression, Duration timeout,
                       int maxMessageSize, Map<String, String> tags, TlsConfig tls) {
    public static final Duration DEFAULT_TIMEOUT = HttpRequest.DEFAULT_TIMEOUT;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 20;

    public WsParams {
        String scheme = url.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the URL must start with ws:// or wss://");
        }
        if (url.getHost() == null) throw new IllegalArgumentException("the URL has no host");
        if (maxMessageSize <= 0) throw new IllegalArgumentException("maxMessageSize must be > 0");
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
        tags = Map.copyOf(tags);
        tls = tls == null ? TlsConfig.DEFAULT : tls;
    }

    /** A plain connection to {@code url} with the defaults. */
    public static WsParams of(String url) {
        return new WsParams(URI.create(url), List.of(), List.of(), false, DEFAULT_TIMEOUT, DEFAULT_MAX_MESSAGE_SIZE, Map.of(), null);
    }

    public boolean secure() {
        return "wss".equalsIgnoreCase(url.getScheme());
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : secure() ? 443 : 80;
    }
}
