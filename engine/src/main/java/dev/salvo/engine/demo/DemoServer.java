package dev.salvo.engine.demo;

import dev.salvo.engine.demo.internal.DemoInitializer;
import dev.salvo.engine.demo.internal.DemoState;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The embedded demo target: a small JSON API on its own event loops, with optional injected latency
 * and errors, for examples, tests and {@code salvo demo}.
 */
public final class DemoServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;
    private final DemoState state;
    private final String host;
    private final int port;

    private DemoServer(EventLoopGroup group, Channel channel, DemoState state, String host) {
        this.group = group;
        this.channel = channel;
        this.state = state;
        this.host = host;
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Binds and starts serving; throws IllegalArgumentException for bad options, IllegalStateException if the port is taken. */
    public static DemoServer start(DemoOptions options) throws InterruptedException {
        var errors = options.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        DemoState state = new DemoState(options);
        ChannelFuture bind = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new DemoInitializer(state))
                .bind(options.host(), options.port())
                .await();
        if (!bind.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            String where = options.host() + ":" + options.port();
            if (bind.cause() instanceof BindException) {
                throw new IllegalStateException("demo target: cannot listen on " + where + " (port already in use?)",
                        bind.cause());
            }
            throw new IllegalStateException("demo target: cannot listen on " + where + ": " + bind.cause().getMessage(),
                    bind.cause());
        }
        return new DemoServer(group, bind.channel(), state, options.host());
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port;
    }

    /** The base URL of the WebSocket endpoints ({@code /ws/echo}, {@code /ws/ticker}). */
    public String wsUrl() {
        return "ws://" + hostForUrl() + ":" + port;
    }

    public long connectionsAccepted() {
        return state.connectionsAccepted();
    }

    public long requestsServed() {
        return state.requestsServed();
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
