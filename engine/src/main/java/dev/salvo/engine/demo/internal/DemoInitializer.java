package dev.salvo.engine.demo.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.netty.buffer.Unpooled;


/**
 * Pipeline of a demo connection. Plain port: HTTP/1.1, or HTTP/2 when the client starts with the
 * HTTP/2 preface (h2c by prior knowledge). TLS port: HTTP/2 or HTTP/1.1 as ALPN decides. Either way
 * request bodies are decoded (gzip, deflate, br, zstd), HTTP/1.1 sockets may use permessage-deflate, and
 * whole requests up to 1 MiB reach the same
 * demo handler, one stream at a time.
 */
public final class DemoInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final byte[] PREFACE_START = "PRI ".getBytes(StandardCharsets.US_ASCII);
    private final DemoState state;
    private final DemoRouter router;
    private final SslContext ssl;

    /** {@code ssl} null: the plain port. */
    public DemoInitializer(DemoState state, SslContext ssl) {
        this.state = state;
        this.router = new DemoRouter(state);
        this.ssl = ssl;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        state.connectionAccepted();
        if (ssl != null) {
            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc())).addLast("alpn", new Alpn());
        } else {
            ch.pipeline().addLast("sniffer", new PriorKnowledgeSniffer());
        }
    }

    private void http1(ChannelPipeline p) {
        p.addLast("codec", new HttpServerCodec())
                .addLast("decompressor", new HttpContentDecompressor(false, 0))
                .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("ws-deflate", new WebSocketServerCompressionHandler(0))
                .addLast("demo", new DemoHandler(state, router));
    }

    private void http2(ChannelPipeline p) {
        p.addLast("h2", Http2FrameCodecBuilder.forServer().build())
                .addLast("streams", new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel stream) {
                        stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true))
                                .addLast(new HttpContentDecompressor(false, 0))
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(new DemoHandler(state, router));
                    }
                }));
    }

    private final class Alpn extends ApplicationProtocolNegotiationHandler {
        Alpn() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                http2(ctx.pipeline());
            } else {
                http1(ctx.pipeline());
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a client refusing our self-signed certificate: nothing to log
        }
    }

    /** Looks at the first bytes once, sets up HTTP/1.1 or HTTP/2, and leaves; buffered bytes flow on. */
    private final class PriorKnowledgeSniffer extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            int n = Math.min(in.readableBytes(), PREFACE_START.length);
            boolean h2 = ByteBufUtil.equals(in, in.readerIndex(), Unpooled.wrappedBuffer(PREFACE_START), 0, n);
            if (h2 && n < PREFACE_START.length) {
                return; // not enough bytes to tell yet
            }
            if (h2) {
                http2(ctx.pipeline());
            } else {
                http1(ctx.pipeline());
            }
            ctx.pipeline().remove(this);
        }
    }
}
