package dev.salvo.engine.sse.internal;

import dev.salvo.engine.http.OpenConnections;
import dev.salvo.engine.http.internal.ClientTls;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.sse.SseListener;
import dev.salvo.engine.sse.SseParams;
import dev.salvo.engine.sse.SseStream;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Opens streams on one event loop (a connection of its own each: a stream holds its connection for its
 * whole life) and keeps those not ended, so that they can be closed at the end.
 */
public final class SseConnector {
    private final EventLoop loop;
    private final Metrics metrics;
    private final Tags base;
    private final String userAgent;
    private final Bootstrap bootstrap;
    private final Set<SseConnection> open = new HashSet<>();

    public SseConnector(EventLoop loop, Metrics metrics, Tags base, String userAgent) {
        this.loop = loop;
        this.metrics = metrics;
        this.base = base;
        this.userAgent = userAgent;
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true);
    }

    /** Opens a stream; {@code lagNanos} (-1: none) is how late its iteration started against an open model's schedule. */
    public SseStream open(SseParams params, SseListener listener, long lagNanos) {
        String url = params.url().toString();
        Tags tags = Tags.of(Map.of("url", url, "name", url)).with(Tags.of(params.tags()));
        SseConnection c = new SseConnection(params, listener, new SseRecorder(metrics, base, tags), this, loop, lagNanos,
                open::remove);
        open.add(c);
        c.start();
        return c;
    }

    ChannelFuture connect(SseConnection c) {
        SseParams p = c.params();
        SslContext tls = p.secure() ? ClientTls.of(p.tls(), false).forHost(p.url().getHost()) : null;
        ChannelFuture f = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, p.timeout().toMillis()))
                .handler(new SseInitializer(c, tls))
                .connect(p.url().getHost(), p.port());
        f.addListener(done -> {
            if (done.isSuccess()) {
                OpenConnections.opened();
                f.channel().closeFuture().addListener(closed -> OpenConnections.closed());
            }
        });
        return f;
    }

    String userAgent() {
        return userAgent;
    }

    public int openStreams() {
        return open.size();
    }

    public void closeAll() {
        for (SseConnection c : Set.copyOf(open)) c.closeAtEnd();
    }
}
