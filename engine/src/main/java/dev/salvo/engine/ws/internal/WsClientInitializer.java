package dev.salvo.engine.ws.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.ssl.SslContext;

/**
 * Pipeline of a socket: wire counter, TLS for {@code wss://}, the HTTP codec of the upgrade (replaced
 * by the frame codec once it succeeds), permessage-deflate when asked, fragment aggregation, the socket.
 */
final class WsClientInitializer extends ChannelInitializer<SocketChannel> {
    private static final int MAX_HANDSHAKE_RESPONSE = 64 * 1024;
    private final WsConnection connection;
    private final SslContext tls;
    private final boolean compression;
    private final int maxMessageSize;

    WsClientInitializer(WsConnection connection, SslContext tls, boolean compression, int maxMessageSize) {
        this.connection = connection;
        this.tls = tls;
        this.compression = compression;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connection.attach(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast("counter", new WsWireCounter(connection.recorder()));
        if (tls != null) { // the peer's name for SNI and the certificate's host-name check
            p.addLast("tls", tls.newHandler(ch.alloc(), connection.params().url().getHost(), connection.params().port()));
        }
        p.addLast("codec", new HttpClientCodec());
        p.addLast("aggregator", new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE));
        if (compression) p.addLast("deflate", new WebSocketClientCompressionHandler(0));
        p.addLast("fragments", new WebSocketFrameAggregator(maxMessageSize));
        p.addLast("socket", connection);
    }
}
