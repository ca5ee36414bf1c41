package dev.salvo.engine.demo.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** Pipeline of a demo connection: HTTP/1.1 codec, request bodies decoded (gzip, deflate, br, zstd), whole requests up to 1 MiB, the demo handler. */
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
                .addLast("decompressor", new HttpContentDecompressor(false, 0))
                .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("demo", new DemoHandler(state, router));
    }
}
