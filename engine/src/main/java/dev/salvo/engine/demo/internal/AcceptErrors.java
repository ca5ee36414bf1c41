package dev.salvo.engine.demo.internal;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accept failures of the demo's listening sockets, typically the open-files limit under thousands of VUs: one
 * line on stderr per 10 s instead of Netty's stack trace for each, and reading paused for 1 s as Netty's own
 * acceptor does (this handler sees the exception first and does not pass it on).
 */
@ChannelHandler.Sharable
public final class AcceptErrors extends ChannelInboundHandlerAdapter {
    private static final long REPORT_EVERY = TimeUnit.SECONDS.toNanos(10);

    private final PrintStream err;
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_EVERY);

    public AcceptErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), 1, TimeUnit.SECONDS);
        }
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= REPORT_EVERY && lastReport.compareAndSet(last, now)) {
            String message = String.valueOf(cause.getMessage());
            boolean limit = message.toLowerCase(Locale.ROOT).contains("too many open files");
            err.println("salvo demo: cannot accept a connection on " + ctx.channel().localAddress() + ": " + message
                    + (limit ? " (the process's open-files limit, ulimit -n, is reached)" : "") + "; pausing accepts for 1 s");
        }
    }
}
