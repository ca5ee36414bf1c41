package dev.salvo.engine.demo.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Answers one demo request at a time: injects errors and latency (never on /health), and delays
 * with the event loop's scheduler, never by sleeping.
 */
final class DemoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final DemoState state;
    private final DemoRouter router;

    DemoHandler(DemoState state, DemoRouter router) {
        this.state = state;
        this.router = router;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        state.connectionAccepted();
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        HttpVersion version = request.protocolVersion();
        if (request.decoderResult().isFailure()) {
            write(ctx, DemoReply.error(400, "bad request"), version, false, false);
            return;
        }
        boolean health = new QueryStringDecoder(request.uri()).path().equals("/health");
        double errorRate = state.options().errorRate();
        DemoReply reply = !health && errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate
                ? DemoReply.error(500, "injected")
                : router.route(request);
        long delay = reply.delayMs() + (health ? 0 : state.options().latencyMs());
        if (delay > 0) {
            ctx.executor().schedule(() -> write(ctx, reply, version, keepAlive, head), delay, TimeUnit.MILLISECONDS);
        } else {
            write(ctx, reply, version, keepAlive, head);
        }
    }

    private void write(ChannelHandlerContext ctx, DemoReply reply, HttpVersion version, boolean keepAlive,
            boolean head) {
        if (!ctx.channel().isActive()) {
            return; // the client gave up while the reply was delayed
        }
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(reply.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            response.headers().set(h.getKey(), h.getValue());
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        state.requestServed();
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a broken client connection concerns nobody else
    }
}
