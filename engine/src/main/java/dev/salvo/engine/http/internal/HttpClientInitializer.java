package dev.salvo.engine.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;

/**
 * Pipeline of a client connection: wire counter, then a CONNECT tunnel through a proxy and TLS where
 * they apply, then HTTP/1.1 (codec, header snapshot, gzip/deflate decoding, response handler) or
 * HTTP/2 (frame codec and one child channel per stream with the same handlers), as ALPN or
 * {@code http2: 'on'} decides.
 */
final class HttpClientInitializer extends ChannelInitializer<SocketChannel> {
    private final HttpConnection connection;
    private final ConnectionPool pool;
    private final Target target;
    private final SslContext ssl;
    private final boolean h2c;
    private final InetSocketAddress tunnel;

    /** {@code ssl} null for plain http; {@code tunnel} the proxy to CONNECT through, or null. */
    HttpClientInitializer(HttpConnection connection, ConnectionPool pool, Target target, SslContext ssl, boolean h2c,
            InetSocketAddress tunnel) {
        this.connection = connection;
        this.pool = pool;
        this.target = target;
        this.ssl = ssl;
        this.h2c = h2c;
        this.tunnel = tunnel;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connection.attach(ch);
        pool.opened(connection);
        ChannelPipeline p = ch.pipeline();
        p.addLast("counter", connection.counter());
        if (tunnel != null) {
            p.addLast("proxy", new HttpProxyHandler(tunnel));
        }
        if (ssl == null) {
            if (h2c) {
                http2(p);
            } else {
                http1(p);
            }
            // Last, so that HTTP/2's preface is on the wire before the first request.
            p.addLast("ready", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                    connection.readyNow();
                    ctx.pipeline().remove(this);
                    ctx.fireChannelActive();
                }
            });
            return;
        }
        SslHandler tls = ssl.newHandler(ch.alloc(), target.host(), target.port());
        tls.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) {
                connection.notReady(f.cause());
            }
        });
        p.addLast("tls", tls).addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                connection.tlsVersion(tls.engine().getSession().getProtocol());
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    http2(ctx.pipeline());
                } else {
                    http1(ctx.pipeline());
                }
                connection.readyNow();
            }

            @Override
            protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
                connection.notReady(cause);
                ctx.close();
            }
        });
    }

    private void http1(ChannelPipeline p) {
        p.addLast("codec", new HttpClientCodec())
                .addLast("wire-headers", new WireHeadersHandler(connection))
                .addLast("decompressor", new HttpContentDecompressor(false, 0))
                .addLast("response", connection.handler());
    }

    private void http2(ChannelPipeline p) {
        connection.multiplexed(true);
        pool.multiplexed(connection);
        // Streams beyond the server's SETTINGS_MAX_CONCURRENT_STREAMS wait for a free slot instead of failing.
        p.addLast("h2", Http2FrameCodecBuilder.forClient().encoderEnforceMaxConcurrentStreams(true).build())
                .addLast("streams", new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.close(); // the server may not open streams (no server push)
                    }
                }));
    }

    /** The handlers of one HTTP/2 stream: it then looks like an HTTP/1.1 connection to its attempt. */
    static void streamPipeline(HttpConnection stream, ChannelPipeline p) {
        p.addLast("counter", stream.counter())
                .addLast("reset", new StreamResetHandler(stream))
                .addLast("codec", new Http2StreamFrameToHttpObjectCodec(false))
                .addLast("wire-headers", new WireHeadersHandler(stream))
                .addLast("decompressor", new HttpContentDecompressor(false, 0))
                .addLast("response", stream.handler());
    }
}
