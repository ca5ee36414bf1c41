package dev.salvo.engine.demo.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A chunked {@code text/event-stream} response written on the connection's event loop, one piece at a
 * time at its due time. Due times are offsets from the stream's start, not from the previous piece, so
 * a late piece does not delay the ones after it: the pace the client measures is the pace asked for.
 */
abstract class TimedStream implements Runnable {
    /** What to write and when ({@code dueNanos} from the start); {@code then} says what follows it. */
    record Piece(long dueNanos, String text, Then then) {}

    enum Then { MORE, END, DROP }

    private final ChannelHandlerContext ctx;
    private final long startNanos = System.nanoTime();
    private Piece next;

    TimedStream(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The piece after the last one written (the first at the start). */
    abstract Piece next();

    void start(HttpVersion version) {
        HttpResponse r = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.writeAndFlush(r);
        next = next();
        schedule();
    }

    private void schedule() {
        long wait = startNanos + next.dueNanos() - System.nanoTime();
        if (wait <= 0) {
            ctx.executor().execute(this);
        } else {
            ctx.executor().schedule(this, wait, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void run() {
        if (!ctx.channel().isActive()) return; // the client went away
        Piece p = next;
        if (!p.text().isEmpty()) {
            ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer(p.text(), StandardCharsets.UTF_8)));
        }
        switch (p.then()) {
            case MORE -> {
                ctx.flush();
                next = next();
                schedule();
            }
            case END -> ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            case DROP -> ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static long ms(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
