package dev.salvo.engine.demo.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;

/** Pipeline of a demo connection: HTTP/1.1 codec, whole requests up to 1 MiB, permessage-deflate for sockets, the demo handler. */
public final class DemoInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 1 << 20;
    private final DemoState state;
    private final DemoRouter router;

    public DemoInitializer(DemoState state) {
        this.state = state;
        this.router = new DemoRouter(state);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("codec", new HttpServerCodec())
                .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("ws-deflate", new WebSocketServerCompressionHandler(0))
                .addLast("demo", new DemoHandler(state, router));
    }
}
