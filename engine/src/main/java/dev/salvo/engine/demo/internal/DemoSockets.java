package dev.salvo.engine.demo.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import io.netty.handler.codec.http.HttpVersion;


/**
 * The demo's WebSocket endpoints: checks an upgrade request to {@code /ws/echo} or {@code /ws/ticker}
 * (parameters, the optional token), answers 400/401 as plain HTTP, or hands the connection to a
 * {@link DemoSocketHandler}.
 */
final class DemoSockets {
    static final int MAX_FRAME = 1 << 20;
    static final String ENDPOINTS = """
            WS   /ws/echo                    echoes every text and binary message
            WS   /ws/ticker?symbols=A,B&interval=100
                                             pushes {"symbol","seq","price","ts"} per symbol every interval ms
                                             (ts: the server's send time, ms since the epoch);
                                             &auth=1 needs Authorization: Bearer <token>
                 &dropAfter=N&drop=abrupt|mid|CODE  after N messages sent: drop the connection, drop it
                                             in the middle of a frame, or close with CODE (both endpoints)
            """;

    private DemoSockets() {}

    /** Whether {@code request} asks to open one of the demo's sockets. */
    static boolean accepts(FullHttpRequest request) {
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) return false;
        String path = new QueryStringDecoder(request.uri()).path();
        return path.equals("/ws/echo") || path.equals("/ws/ticker");
    }

    static void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, DemoState state) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, List<String>> q = uri.parameters();
        boolean ticker = uri.path().equals("/ws/ticker");
        List<String> symbols;
        long interval;
        int dropAfter;
        String drop = first(q, "drop", "abrupt");
        try {
            symbols = List.of(first(q, "symbols", "A").split(","));
            interval = Long.parseLong(first(q, "interval", "100"));
            dropAfter = Integer.parseInt(first(q, "dropAfter", "0"));
            if (!drop.equals("abrupt") && !drop.equals("mid")) Integer.parseInt(drop);
        } catch (NumberFormatException e) {
            refuse(ctx, 400, "interval and dropAfter must be numbers; drop is abrupt, mid or a close code");
            return;
        }
        if (interval < 1 || interval > DemoRouter.MAX_DELAY_MS || dropAfter < 0) {
            refuse(ctx, 400, "interval must be between 1 and " + DemoRouter.MAX_DELAY_MS + " ms, dropAfter >= 0");
            return;
        }
        if (ticker && "1".equals(first(q, "auth", "0")) && !authorized(request, state)) {
            refuse(ctx, 401, "unauthorized: send Authorization: Bearer <token from POST /api/auth/token>");
            return;
        }
        String url = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, null, true, MAX_FRAME).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        DemoSocketHandler socket = new DemoSocketHandler(handshaker, ticker ? symbols : null, interval, dropAfter, drop);
        ctx.pipeline().replace(ctx.handler(), "ws", socket);
        handshaker.handshake(ctx.channel(), request).addListener(f -> {
            if (f.isSuccess()) socket.opened(ctx.channel());
        });
    }

    private static boolean authorized(FullHttpRequest request, DemoState state) {
        String auth = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        return auth.regionMatches(true, 0, "Bearer ", 0, 7) && state.tokens().verify(auth.substring(7).trim()) != null;
    }

    private static void refuse(ChannelHandlerContext ctx, int status, String message) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.copiedBuffer("{\"error\":\"" + message + "\"}", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
