package dev.salvo.engine.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import dev.salvo.engine.loop.LoopLag;
import java.net.SocketAddress;

/**
 * Sits at the head of the pipeline so it sees raw wire bytes, before decoding and decompression:
 * that is what k6 reports as data sent and received, and the first byte read marks the end of
 * "waiting". It also sees the connect as the socket makes it: Netty's bootstrap hands the connect to
 * the event loop as a task, so the moment salvo asked for a connection is not when the dial began.
 */
public final class WireCounterHandler extends ChannelDuplexHandler {
    private long bytesRead;
    private long bytesWritten;
    private long firstReadNanos;
    private boolean anyRead;
    private long readTaken;
    private long writtenTaken;
    /** How long a dial may hold its loop polling for the connect to complete: a loopback connect takes ~40 µs. */
    private static final long NEAR_CONNECT_NANOS = 200_000;
    private long connectStartNanos;
    private long connectLagNanos;
    private long firstReadLagNanos;

    /** Starts timing a first exchange: the bytes of the handshakes before it stay counted. */
    public void restartTiming() {
        firstReadNanos = 0;
        firstReadLagNanos = 0;
        anyRead = false;
    }

    /** Starts counting for a new exchange on this connection. */
    public void reset() {
        bytesRead = 0;
        bytesWritten = 0;
        firstReadNanos = 0;
        firstReadLagNanos = 0;
        anyRead = false;
    }

    /** Bytes read since the last call: how an HTTP/2 connection shares its traffic among its streams' exchanges. */
    public long takeRead() {
        long n = bytesRead - readTaken;
        readTaken = bytesRead;
        return n;
    }

    public long takeWritten() {
        long n = bytesWritten - writtenTaken;
        writtenTaken = bytesWritten;
        return n;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public boolean anyRead() {
        return anyRead;
    }

    public long firstReadNanos() {
        return firstReadNanos;
    }

    /** When the socket's connect was issued, or 0 before it. */
    public long connectStartNanos() {
        return connectStartNanos;
    }

    /** How late the loop may have seen the first byte of this exchange ({@link LoopLag}). */
    public long firstReadLagNanos() {
        return firstReadLagNanos;
    }

    /** How late the loop may have seen the connect complete: 0 when the socket connected at once. */
    public long connectLagNanos() {
        return connectLagNanos;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        connectStartNanos = System.nanoTime();
        ctx.connect(remote, local, promise);
        // A loopback (or very near) peer answers within microseconds: poll for it at once, briefly.
        if (!promise.isDone() && !LoopLag.pollUntil(promise, NEAR_CONNECT_NANOS)) {
            promise.addListener(f -> connectLagNanos = LoopLag.boundNanos()); // completed by a later poll
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Any message counts as the first byte: an HTTP/2 stream sees frames, the headers frame first.
        if (!anyRead) {
            anyRead = true;
            firstReadNanos = System.nanoTime();
            firstReadLagNanos = LoopLag.boundNanos();
        }
        bytesRead += size(msg);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        bytesWritten += size(msg);
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return 0;
    }
}
