package dev.salvo.engine.live;

import dev.salvo.engine.live.internal.WebInitializer;
import dev.salvo.engine.metrics.Aggregate;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * salvo's own HTTP server for {@code --web} (the page, its JSON API, downloads, {@code /metrics}) and
 * {@code --metrics-port} ({@code /metrics} only, {@code control} null). One Netty event loop; every
 * request is answered on a virtual thread, so nothing the run does waits on it.
 */
public final class WebServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;

    private WebServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * @param auth    {@code user:pass} for basic auth, or null
     * @param control the run behind the API, or null for {@code /metrics} alone
     * @throws IllegalArgumentException naming {@code flag} when the port is taken or the host cannot be bound
     */
    public static WebServer start(String host, int port, String auth, Supplier<List<Aggregate>> metrics, LiveControl control, String flag) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ChannelFuture bind = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new WebInitializer(auth, metrics, control))
                .bind(host, port)
                .awaitUninterruptibly();
        if (bind.isSuccess()) return new WebServer(group, bind.channel());
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        String why = bind.cause() instanceof BindException ? "the port is in use or the address is not this machine's" : String.valueOf(bind.cause().getMessage());
        throw new IllegalArgumentException(flag + ": cannot listen on " + host + ":" + port + ": " + why);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The address to open, e.g. {@code http://127.0.0.1:8089/}. */
    public String url() {
        InetSocketAddress a = (InetSocketAddress) channel.localAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
