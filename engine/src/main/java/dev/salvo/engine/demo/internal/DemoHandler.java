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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Answers one demo request at a time: injects errors and latency (never on /health), and delays
 * with the event loop's scheduler, never by sleeping.
 */
final class DemoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** A reply waiting for the replies of earlier requests on this connection. */
    private record Pending(DemoReply reply, HttpVersion version, boolean keepAlive, boolean head) {
    }

    private final DemoState state;
    private final DemoRouter router;
    // HTTP/1.1 pipelining needs replies in request order even when a later one is delayed less.
    private final Map<Long, Pending> ready = new HashMap<>();
    private long nextRequest;
    private long nextReply;

    DemoHandler(DemoState state, DemoRouter router) {
        this.state = state;
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (DemoSockets.accepts(request)) {
            DemoSockets.upgrade(ctx, request, state);
            return;
        }
        // A stream answers at once, in pieces of its own: it holds its connection until it ends.
        DemoReply streamed = null;
        if (!request.decoderResult().isFailure() && DemoStreams.accepts(request)) {
            streamed = DemoStreams.serve(ctx, request);
            if (streamed == null) {
                state.requestServed();
                return;
            }
        }
        long seq = nextRequest++;
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        HttpVersion version = request.protocolVersion();
        if (request.decoderResult().isFailure()) {
            reply(ctx, seq, new Pending(DemoReply.error(400, "bad request"), version, false, false));
            return;
        }
        boolean health = new QueryStringDecoder(request.uri()).path().equals("/health");
        double errorRate = state.options().errorRate();
        DemoReply reply = streamed != null ? streamed
                : !health && errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate
                ? DemoReply.error(500, "injected")
                : router.route(request);
        long delay = reply.delayMs() + (health ? 0 : state.options().latencyMs());
        Pending pending = new Pending(reply, version, keepAlive, head);
        if (delay > 0) {
            ctx.executor().schedule(() -> reply(ctx, seq, pending), delay, TimeUnit.MILLISECONDS);
        } else {
            reply(ctx, seq, pending);
        }
    }

    private void reply(ChannelHandlerContext ctx, long seq, Pending pending) {
        ready.put(seq, pending);
        for (Pending next; (next = ready.remove(nextReply)) != null; nextReply++) {
            write(ctx, next.reply(), next.version(), next.keepAlive(), next.head());
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
        for (Map.Entry<String, List<String>> h : reply.headers().entrySet()) {
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
