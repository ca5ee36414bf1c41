package dev.salvo.engine.http;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** One event loop and one session on it, as a virtual user would have; records every exchange. */
final class SessionFixture implements AutoCloseable {
    record Seen(HttpRequest request, HttpResponse response, boolean onLoop) {
    }

    /** TLS that trusts any certificate, such as the demo target's self-signed one. */
    static final TlsConfig INSECURE_TLS = new TlsConfig(true, null, null, List.of(), List.of());

    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final EventLoop loop = group.next();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final HttpSession session;

    SessionFixture() {
        this(HttpConfig.defaults("salvo-test/1.0"));
    }

    SessionFixture(HttpConfig config) {
        session = new HttpSession(loop, config, (req, res) -> seen.add(new Seen(req, res, loop.inEventLoop())));
    }

    CompletableFuture<HttpResponse> sendAsync(HttpRequest request) throws Exception {
        return loop.submit(() -> session.send(request)).get(5, TimeUnit.SECONDS);
    }

    HttpResponse send(HttpRequest request) throws Exception {
        return sendAsync(request).get(10, TimeUnit.SECONDS);
    }

    HttpResponse get(String url) throws Exception {
        return send(HttpRequest.of("GET", URI.create(url)));
    }

    int openConnections() throws Exception {
        return loop.submit(session::openConnections).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        session.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
