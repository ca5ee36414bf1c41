package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.OpenConnections;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keep-alive connections of one session, idle ones grouped by {@code host:port}. Only touched from
 * the session's event loop, hence no locks.
 */
public final class ConnectionPool {
    private final Bootstrap bootstrap;
    private final Map<String, ArrayDeque<HttpConnection>> idle = new HashMap<>();
    private final Set<HttpConnection> open = new HashSet<>();
    private boolean closed;

    public ConnectionPool(EventLoop loop, Duration connectTimeout) {
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .resolver(Resolvers.shared())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    /** The most recently used idle connection to {@code key} that is still open, or null. */
    public HttpConnection pollIdle(String key) {
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

    /** Starts a new connection; its {@link HttpConnection#connectFuture()} tells when it is usable. */
    public HttpConnection connect(String key, String host, int port) {
        HttpConnection connection = new HttpConnection(key);
        ChannelFuture future = bootstrap.clone()
                .handler(new HttpClientInitializer(connection, this))
                .connect(InetSocketAddress.createUnresolved(host, port));
        connection.connectFuture(future);
        return connection;
    }

    /** Returns a connection after a complete exchange that allows keep-alive. */
    public void release(HttpConnection connection) {
        if (closed || !connection.isActive()) {
            connection.close();
            return;
        }
        idle.computeIfAbsent(connection.key(), k -> new ArrayDeque<>()).addLast(connection);
    }

    /** Closes a connection that must not be reused. */
    public void discard(HttpConnection connection) {
        forget(connection);
        connection.close();
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
        });
    }

    private void forget(HttpConnection connection) {
        open.remove(connection);
        ArrayDeque<HttpConnection> deque = idle.get(connection.key());
        if (deque != null) {
            deque.remove(connection);
            if (deque.isEmpty()) {
                idle.remove(connection.key());
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
    }
}
