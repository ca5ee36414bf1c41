package dev.salvo.engine.demo;

import dev.salvo.engine.demo.internal.AcceptErrors;
import dev.salvo.engine.demo.internal.DemoInitializer;
import dev.salvo.engine.demo.internal.DemoState;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The embedded demo target: a small JSON API on its own event loops, with optional injected latency
 * and errors, for examples, tests and {@code salvo demo}. It serves HTTP/1.1 (and h2c by prior
 * knowledge) on one port and HTTPS with HTTP/2 or HTTP/1.1 by ALPN on a second one, under a
 * self-signed certificate made at start-up.
 */
public final class DemoServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;
    private final Channel tlsChannel;
    private final DemoState state;
    private final DemoCertificate certificate;
    private final String host;

    private DemoServer(EventLoopGroup group, Channel channel, Channel tlsChannel, DemoState state,
            DemoCertificate certificate, String host) {
        this.group = group;
        this.channel = channel;
        this.tlsChannel = tlsChannel;
        this.state = state;
        this.certificate = certificate;
        this.host = host;
    }

    /**
     * Binds and starts serving; throws IllegalArgumentException for bad options, {@link PortInUseException} if a
     * port is taken, IllegalStateException if it cannot listen otherwise.
     */
    public static DemoServer start(DemoOptions options) throws InterruptedException {
        return start(options, null);
    }

    /** Serves HTTPS under {@code certificate} (tests use expired or wrongly named ones); null makes one. */
    public static DemoServer start(DemoOptions options, DemoCertificate certificate) throws InterruptedException {
        var errors = options.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        if (certificate == null) {
            certificate = DemoCertificate.generate(options.host());
        }
        SslContext ssl = serverContext(certificate);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        DemoState state = new DemoState(options);
        Channel plain = bind(group, new DemoInitializer(state, null), options.host(), options.port(), false);
        Channel tls;
        try {
            tls = bind(group, new DemoInitializer(state, ssl), options.host(), options.httpsPort(), true);
        } catch (IllegalStateException e) {
            plain.close();
            throw e;
        }
        return new DemoServer(group, plain, tls, state, certificate, options.host());
    }

    private static Channel bind(EventLoopGroup group, DemoInitializer initializer, String host, int port, boolean https)
            throws InterruptedException {
        ChannelFuture bind = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .handler(new AcceptErrors(System.err))
                .childHandler(initializer)
                .bind(host, port)
                .await();
        if (bind.isSuccess()) {
            return bind.channel();
        }
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        String where = host + ":" + port;
        if (bind.cause() instanceof BindException) {
            throw new PortInUseException(host, port, https, bind.cause());
        }
        throw new IllegalStateException("demo target: cannot listen on " + where + ": " + bind.cause().getMessage(),
                bind.cause());
    }

    private static SslContext serverContext(DemoCertificate certificate) {
        try {
            return SslContextBuilder.forServer(certificate.key(), certificate.certificate())
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("demo target: cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public int httpsPort() {
        return ((InetSocketAddress) tlsChannel.localAddress()).getPort();
    }

    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port();
    }

    /** HTTPS (HTTP/2 or HTTP/1.1 by ALPN) under the self-signed {@link #certificate()}. */
    public String httpsUrl() {
        return "https://" + hostForUrl() + ":" + httpsPort();
    }

    /** The base URL of the WebSocket endpoints ({@code /ws/echo}, {@code /ws/ticker}). */
    public String wsUrl() {
        return "ws://" + hostForUrl() + ":" + port();
    }

    /** What {@code --demo} adds to a script's environment: BASE_URL, HTTPS_URL and WS_URL. */
    public java.util.Map<String, String> env() {
        return java.util.Map.of("BASE_URL", baseUrl(), "HTTPS_URL", httpsUrl(), "WS_URL", wsUrl());
    }

    /** The certificate of the HTTPS port: clients trust it through its PEM, or skip verification. */
    public DemoCertificate certificate() {
        return certificate;
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
        tlsChannel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
