package dev.salvo.engine.fleet.internal;

import dev.salvo.engine.fleet.FleetWire;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** The coordinator's pipeline: HTTP/1.1, the WebSocket upgrade at {@link FleetWire#PATH}, one JSON message per frame. */
public final class FleetServerInitializer extends ChannelInitializer<SocketChannel> {
    private final FleetFrames.Receiver receiver;

    public FleetServerInitializer(FleetFrames.Receiver receiver) {
        this.receiver = receiver;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder().websocketPath(FleetWire.PATH)
                        .maxFramePayloadLength(FleetFrames.MAX_FRAME).handshakeTimeoutMillis(10_000).build()),
                new WebSocketFrameAggregator(FleetFrames.MAX_FRAME), new FleetFrames(receiver));
    }
}
