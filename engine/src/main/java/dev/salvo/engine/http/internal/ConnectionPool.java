package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.Connections;
import dev.salvo.engine.http.Http2Mode;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.OpenConnections;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.channels.ClosedChannelException;


/**
 * Connections of one session: idle HTTP/1.1 keep-alive connections grouped by key, and at most one
 * HTTP/2 connection per key, shared by concurrent exchanges. Only touched from the session's event
 * loop, hence no locks.
 */
public final class ConnectionPool {
    /** Shared by every session, so that {@code localIPs} are used in turn across the whole run. */
    private static final AtomicInteger NEXT_LOCAL_IP = new AtomicInteger();

    private final EventLoop loop;
    private final HttpConfig config;
    private final Bootstrap bootstrap;
    private final Map<String, ArrayDeque<HttpConnection>> idle = new HashMap<>();
    private final Map<String, HttpConnection> multiplexed = new HashMap<>();
    private final Map<String, HttpConnection> opening = new HashMap<>();
    private final Set<HttpConnection> open = new HashSet<>();
    private ClientTls tls;
    private boolean closed;

    public ConnectionPool(EventLoop loop, HttpConfig config) {
        this.loop = loop;
        this.config = config;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .resolver(Resolvers.forTtl(config.connections().dnsTtl()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
    }

    /**
     * A connection to {@code key} that can take a request now: the HTTP/2 one if there is one, else
     * the most recently used idle HTTP/1.1 one that is still open, or null.
     */
    public HttpConnection pollIdle(String key) {
        HttpConnection h2 = multiplexed.get(key);
        if (h2 != null && h2.goingAway()) {
            noNewStreams(h2);
        } else if (h2 != null && h2.isActive()) {
            return h2;
        }
        ArrayDeque<HttpConnection> deque = idle.get(key);
        if (deque == null) {
            return null;
        }
        HttpConnection connection;
        while ((connection = deque.pollLast()) != null) {
            if (connection.isActive()) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    /** A connection to {@code key} being opened that may become HTTP/2 and take more exchanges, or null. */
    HttpConnection opening(String key) {
        return opening.get(key);
    }

    /** Starts a new connection; its {@link HttpConnection#ready()} tells when it is usable. */
    HttpConnection connect(Target target) {
        HttpConnection connection = new HttpConnection(target.key(), loop);
        Connections c = config.connections();
        URI proxy = c.proxy() == null ? null : c.proxy().forTarget(target.host(), target.tls());
        connection.proxy(proxy);
        boolean h2c = !target.tls() && config.http2() == Http2Mode.ON;
        if ((h2c || target.tls() && config.http2() != Http2Mode.OFF) && !c.noConnectionReuse()) {
            opening.putIfAbsent(target.key(), connection);
            connection.ready().addListener(f -> opening.remove(target.key(), connection));
        }
        SslContext ssl = target.tls() ? tls().forHost(target.host()) : null;
        if (proxy == null || !target.tls()) {
            // Plain http through a proxy: connect to the proxy and write absolute-form requests.
            start(connection, bootstrap.clone().handler(new HttpClientInitializer(connection, this, target, ssl, h2c, null)),
                    proxy != null ? Addresses.of(proxy) : Addresses.of(target, c.hosts()));
            return connection;
        }
        // A CONNECT tunnel: Netty's proxy handler dials the proxy itself, so its address is resolved
        // first; the target's name stays unresolved and goes to the proxy as it is.
        bootstrap.config().resolver().getResolver(loop).resolve(Addresses.of(proxy)).addListener(r -> {
            if (!r.isSuccess()) {
                connection.notReady(r.cause());
            } else if (!connection.isClosed()) {
                InetSocketAddress proxyAddress = (InetSocketAddress) r.getNow();
                start(connection, bootstrap.clone().resolver(NoopAddressResolverGroup.INSTANCE)
                        .handler(new HttpClientInitializer(connection, this, target, ssl, false, proxyAddress)),
                        InetSocketAddress.createUnresolved(target.host(), target.port()));
            }
        });
        return connection;
    }

    private void start(HttpConnection connection, Bootstrap b, InetSocketAddress remote) {
        Connections c = config.connections();
        if (!c.localIps().isEmpty()) {
            b.localAddress(new InetSocketAddress(c.localIps().get(Math.floorMod(NEXT_LOCAL_IP.getAndIncrement(),
                    c.localIps().size())), 0));
        }
        ChannelFuture future = b.connect(remote);
        connection.attach(future.channel());
        future.addListener(f -> {
            if (f.isSuccess()) {
                connection.connected(System.nanoTime());
            } else {
                connection.notReady(f.cause());
            }
        });
    }

    private ClientTls tls() {
        if (tls == null) {
            tls = ClientTls.of(config.tls(), config.http2() != Http2Mode.OFF);
        }
        return tls;
    }

    /** Returns a connection after a complete exchange that allows keep-alive. */
    public void release(HttpConnection connection) {
        if (connection.isStream()) {
            connection.close(); // a stream serves one exchange; its connection stays
            return;
        }
        if (closed || !connection.isActive() || config.connections().noConnectionReuse()) {
            discard(connection);
            return;
        }
        idle.computeIfAbsent(connection.key(), k -> new ArrayDeque<>()).addLast(connection);
    }

    /** Closes a connection that must not be reused. */
    public void discard(HttpConnection connection) {
        forget(connection);
        connection.close();
    }

    /** Registers a connection that ALPN or prior knowledge made HTTP/2, for the exchanges to come. */
    void multiplexed(HttpConnection connection) {
        if (!closed && !config.connections().noConnectionReuse()) {
            multiplexed.putIfAbsent(connection.key(), connection);
        }
    }

    /** An HTTP/2 connection that refused a new stream (GOAWAY): its streams finish, new exchanges go elsewhere. */
    void noNewStreams(HttpConnection connection) {
        multiplexed.remove(connection.key(), connection);
    }

    void opened(HttpConnection connection) {
        if (closed) {
            connection.close();
            return;
        }
        open.add(connection);
        OpenConnections.opened();
        // A server closing an idle connection must drop it from the pool right away.
        connection.channel().closeFuture().addListener(f -> {
            OpenConnections.closed();
            forget(connection);
            if (connection.connectedNanos() != 0) { // a failed connect reports its own cause (DNS, refused, ...)
                connection.notReady(new ClosedChannelException());
            }
        });
    }

    private void forget(HttpConnection connection) {
        if (connection.isStream()) {
            return;
        }
        open.remove(connection);
        multiplexed.remove(connection.key(), connection);
        ArrayDeque<HttpConnection> deque = idle.get(connection.key());
        if (deque != null) {
            deque.remove(connection);
            if (deque.isEmpty()) {
                idle.remove(connection.key());
            }
        }
    }

    /** Closes the idle connections ({@code noVUConnectionReuse}: at the end of each iteration). */
    public void closeIdle() {
        for (HttpConnection connection : new ArrayList<>(open)) {
            if (connection.current() == null) {
                discard(connection);
            }
        }
    }

    public int openConnections() {
        return open.size();
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() {
        closed = true;
        for (HttpConnection connection : new ArrayList<>(open)) {
            Attempt attempt = connection.current();
            if (attempt != null) {
                attempt.abort(Failure.SESSION_CLOSED); // closes the connection too
            } else {
                connection.close();
            }
        }
        idle.clear();
        multiplexed.clear();
        opening.clear();
    }
}
