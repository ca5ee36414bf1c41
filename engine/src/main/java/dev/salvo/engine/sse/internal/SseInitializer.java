package dev.salvo.engine.sse.internal;

import dev.salvo.engine.loop.LoopLag;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;

import java.net.SocketAddress;

/**
 * Pipeline of one connection of a stream: wire counter, TLS for {@code https://}, the HTTP/1.1 codec (no
 * aggregator: the body's chunks reach the stream as they are read), the connection's handler.
 */
final class SseInitializer extends ChannelInitializer<SocketChannel> {
    private final SseConnection connection;
    private final SslContext tls;

    SseInitializer(SseConnection connection, SslContext tls) {
        this.connection = connection;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("counter", new WireCounter(connection.recorder()));
        if (tls != null) { // the peer's name for SNI and the certificate's host-name check
            p.addLast("tls", tls.newHandler(ch.alloc(), connection.params().url().getHost(), connection.params().port()));
        }
        p.addLast("codec", new HttpClientCodec());
        p.addLast("stream", connection.handler(ch));
    }

    /**
     * At the head of the pipeline: the bytes on the wire (headers, chunk framing, TLS) as data_sent/data_received;
     * and the connect seen as soon as it completes, so that the request leaves then, not after the tasks (other
     * VUs' JavaScript) queued on the loop behind the dial: they would count as the target's time to first event.
     */
    private static final class WireCounter extends ChannelDuplexHandler {
        /** A loopback (or very near) peer answers within microseconds: poll for it at once, this long at most. */
        private static final long NEAR_CONNECT_NANOS = 200_000;
        private final SseRecorder recorder;

        WireCounter(SseRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
            ctx.connect(remote, local, promise);
            if (!promise.isDone()) LoopLag.pollUntil(promise, NEAR_CONNECT_NANOS);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf) recorder.bytesReceived(buf.readableBytes());
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf buf) recorder.bytesSent(buf.readableBytes());
            ctx.write(msg, promise);
        }
    }
}
