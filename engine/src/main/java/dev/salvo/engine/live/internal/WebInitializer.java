package dev.salvo.engine.live.internal;

import dev.salvo.engine.live.LiveControl;
import dev.salvo.engine.metrics.Aggregate;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

import java.util.List;
import java.util.function.Supplier;

/** The web server's pipeline: HTTP/1.1, whole requests of up to 64 KiB, then {@link WebHandler}. */
public final class WebInitializer extends ChannelInitializer<SocketChannel> {
    private final String auth;
    private final Supplier<List<Aggregate>> metrics;
    private final LiveControl control;

    public WebInitializer(String auth, Supplier<List<Aggregate>> metrics, LiveControl control) {
        this.auth = auth;
        this.metrics = metrics;
        this.control = control;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), new WebHandler(auth, metrics, control));
    }
}
