package dev.salvo.engine.fleet.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import java.net.URI;

/** A shard's pipeline to its coordinator: HTTP/1.1, the WebSocket handshake, one JSON message per frame. */
public final class FleetClientInitializer extends ChannelInitializer<SocketChannel> {
    private final URI uri;
    private final FleetFrames.Receiver receiver;

    public FleetClientInitializer(URI uri, FleetFrames.Receiver receiver) {
        this.uri = uri;
        this.receiver = receiver;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                        .maxFramePayloadLength(FleetFrames.MAX_FRAME).handshakeTimeoutMillis(10_000).build()),
                new WebSocketFrameAggregator(FleetFrames.MAX_FRAME), new FleetFrames(receiver));
    }
}
