package dev.salvo.engine.ws.internal;

import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.OpenConnections;
import dev.salvo.engine.http.internal.ClientTls;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.ws.WsListener;
import dev.salvo.engine.ws.WsParams;
import dev.salvo.engine.ws.WsSocket;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Bootstraps sockets on one event loop and keeps those still open, so that they can be closed at the end. */
public final class WsConnector {
    private final EventLoop loop;
    private final Metrics metrics;
    private final Tags base;
    private final Bootstrap bootstrap;
    private final Set<WsConnection> open = new HashSet<>();

    public WsConnector(EventLoop loop, Metrics metrics, Tags base) {
        this.loop = loop;
        this.metrics = metrics;
        this.base = base;
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
    }

    public WsSocket connect(WsParams params, WsListener listener) {
        String url = params.url().toString();
        Tags socketTags = Tags.of(Map.of("url", url, "name", url)).with(Tags.of(params.tags()));
        WsRecorder recorder = new WsRecorder(metrics, base, socketTags);
        SslContext tls = params.secure() ? ClientTls.of(params.tls(), false).forHost(params.url().getHost()) : null;
        WsConnection connection = new WsConnection(params, listener, recorder, handshaker(params), open::remove);
        open.add(connection);
        ChannelFuture f = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, params.timeout().toMillis()))
                .handler(new WsClientInitializer(connection, tls, params.compression(), params.maxMessageSize()))
                .connect(params.url().getHost(), params.port());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                connection.connectFailed(done.cause());
                return;
            }
            OpenConnections.opened();
            f.channel().closeFuture().addListener(closed -> OpenConnections.closed());
        });
        return connection;
    }

    private static WebSocketClientHandshaker handshaker(WsParams params) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (Header h : params.headers()) headers.add(h.name(), h.value());
        String subprotocols = params.subprotocols().isEmpty() ? null : String.join(",", params.subprotocols());
        return WebSocketClientHandshakerFactory.newHandshaker(params.url(), WebSocketVersion.V13, subprotocols,
                true, headers, params.maxMessageSize(), true, false, -1);
    }

    public int openSockets() {
        return open.size();
    }

    public void closeAll() {
        for (WsConnection c : Set.copyOf(open)) c.closeAtEnd();
    }
}
