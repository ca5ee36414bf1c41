package dev.salvo.engine.ws.internal;

import dev.salvo.engine.http.internal.Failure;
import dev.salvo.engine.ws.WsErrorCodes;
import dev.salvo.engine.ws.WsHandshake;
import dev.salvo.engine.ws.WsListener;
import dev.salvo.engine.ws.WsParams;
import dev.salvo.engine.ws.WsSocket;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One socket's state machine (opening, open, closing, closed) and its Netty handler: finishes the
 * handshake, turns frames into listener calls, answers pings, and records the socket's metrics.
 */
public final class WsConnection extends SimpleChannelInboundHandler<Object> implements WsSocket {
    /** How long the peer gets to answer our close frame before the connection is dropped. */
    private static final long CLOSE_TIMEOUT_MS = 2000;
    /** 1005 in RFC 6455: a close frame without a code. */
    private static final int NO_STATUS = 1005;
    private static final int ABNORMAL = 1006;

    private enum State { OPENING, OPEN, CLOSING, CLOSED }

    private final WsParams params;
    private final WsListener listener;
    private final WsRecorder recorder;
    private final WebSocketClientHandshaker handshaker;
    private final Consumer<WsConnection> closed;
    private final long startNanos = System.nanoTime();
    private final ArrayDeque<Long> pings = new ArrayDeque<>();
    private State state = State.OPENING;
    private Channel channel;
    private ScheduledFuture<?> handshakeTimeout;
    private long openNanos;
    private int closeCode = ABNORMAL;
    private String closeReason = "";
    private boolean closeFrameSeen;

    WsConnection(WsParams params, WsListener listener, WsRecorder recorder, WebSocketClientHandshaker handshaker,
                 Consumer<WsConnection> closed) {
        this.closed = closed;
        this.params = params;
        this.listener = listener;
        this.recorder = recorder;
        this.handshaker = handshaker;
    }

    WsRecorder recorder() {
        return recorder;
    }

    WsParams params() {
        return params;
    }

    /** Called once the channel exists (before it connects): arms the handshake timeout. */
    void attach(Channel ch) {
        channel = ch;
        handshakeTimeout = ch.eventLoop().schedule(() -> {
            if (state == State.OPENING) {
                handshakeFailed(0, null, WsErrorCodes.HANDSHAKE_TIMEOUT,
                        "websocket handshake timeout after " + params.timeout().toMillis() + " ms");
                ch.close();
            }
        }, params.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The TCP (or TLS) connection could not be opened. */
    void connectFailed(Throwable cause) {
        if (state == State.OPENING) {
            Failure f = Failure.ofConnect(cause, params.url().getHost(), params.port(), null);
            handshakeFailed(0, null, f.code(), f.message());
        }
        finish(); // a channel that never became active fires no channelInactive
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case FullHttpResponse r when state == State.OPENING -> finishHandshake(ctx, r);
            case WebSocketFrame f when f.content().readableBytes() > params.maxMessageSize() && !(f instanceof CloseWebSocketFrame) ->
                    // After permessage-deflate: the decoder only saw the compressed size.
                    exceptionCaught(ctx, new TooLongFrameException("message too big"));
            case TextWebSocketFrame f -> {
                recorder.received();
                listener.onText(f.text());
            }
            case BinaryWebSocketFrame f -> {
                recorder.received();
                listener.onBinary(ByteBufUtil.getBytes(f.content()));
            }
            case PingWebSocketFrame f -> {
                ctx.writeAndFlush(new PongWebSocketFrame(f.content().retain()));
                listener.onPing();
            }
            case PongWebSocketFrame f -> {
                Long sent = pings.poll();
                if (sent != null) recorder.ping((System.nanoTime() - sent) / 1e6);
                listener.onPong();
            }
            case CloseWebSocketFrame f -> closeReceived(f);
            default -> { }
        }
    }

    private void finishHandshake(ChannelHandlerContext ctx, FullHttpResponse response) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        int status = response.status().code();
        try {
            handshaker.finishHandshake(ctx.channel(), response);
        } catch (WebSocketHandshakeException e) {
            recorder.handshake(status, ms);
            handshakeFailed(status, response.headers(), WsErrorCodes.HANDSHAKE_REFUSED,
                    "websocket: bad handshake (status " + status + "): " + e.getMessage());
            ctx.close();
            return;
        }
        handshakeTimeout.cancel(false);
        encodeDecoderReplies(ctx.pipeline());
        state = State.OPEN;
        openNanos = System.nanoTime();
        recorder.handshake(status, ms);
        listener.onHandshake(new WsHandshake(params.url().toString(), status, headers(response.headers()),
                handshaker.actualSubprotocol(), null, 0));
    }

    /**
     * Netty puts the frame decoder before the encoder on a client, so the close frame the decoder
     * writes on a protocol violation (1009 for a frame over maxMessageSize) would reach the wire
     * unencoded: move the encoder in front of it.
     */
    private static void encodeDecoderReplies(ChannelPipeline p) {
        if (p.get("ws-encoder") == null || p.get("ws-decoder") == null) return;
        p.remove("ws-encoder");
        p.addBefore("ws-decoder", "ws-encoder", new WebSocket13FrameEncoder(true));
    }

    private void handshakeFailed(int status, HttpHeaders headers, int code, String message) {
        if (state != State.OPENING) return;
        state = State.CLOSING;
        handshakeTimeout.cancel(false);
        recorder.error(code);
        listener.onHandshake(WsHandshake.failed(params.url().toString(), status, headers(headers), code, message));
    }

    private void closeReceived(CloseWebSocketFrame f) {
        closeFrameSeen = true;
        closeCode = f.statusCode() < 0 ? NO_STATUS : f.statusCode();
        closeReason = f.reasonText();
        if (state == State.OPEN) {
            // The server closes first: echo its code, then the connection ends.
            state = State.CLOSING;
            int echo = closeCode == NO_STATUS ? 1000 : closeCode;
            channel.writeAndFlush(new CloseWebSocketFrame(echo, "")).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.OPENING) {
            Failure f = Failure.ofIo(cause);
            handshakeFailed(0, null, f.code(), f.message());
        } else if (cause instanceof CorruptedWebSocketFrameException c && c.closeStatus().code() == 1009
                || cause instanceof TooLongFrameException) {
            // The decoder has already sent close 1009 for a single frame; an aggregated message has not.
            error(WsErrorCodes.MESSAGE_TOO_BIG, "message larger than maxMessageSize (" + params.maxMessageSize() + " bytes)");
            closeCode = 1009;
            closeReason = "message too big";
            closeFrameSeen = true;
            if (!(cause instanceof CorruptedWebSocketFrameException)) {
                ctx.writeAndFlush(new CloseWebSocketFrame(1009, closeReason)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        } else if (state == State.OPEN || state == State.CLOSING) {
            error(WsErrorCodes.PROTOCOL_ERROR, Failure.ofIo(cause).message());
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state == State.OPENING) {
            handshakeFailed(0, null, WsErrorCodes.CLOSED_ABNORMALLY, "connection closed before the websocket handshake ended");
        } else if (openNanos != 0 && !closeFrameSeen && state == State.OPEN) {
            error(WsErrorCodes.CLOSED_ABNORMALLY, "connection closed without a close frame (1006)");
        }
        finish();
        ctx.fireChannelInactive();
    }

    private void finish() {
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        if (handshakeTimeout != null) handshakeTimeout.cancel(false);
        if (openNanos != 0) recorder.sessionEnded((System.nanoTime() - openNanos) / 1e6);
        closed.accept(this);
        listener.onClose(closeCode, closeReason);
    }

    private void error(int code, String message) {
        recorder.error(code);
        listener.onError(code, message);
    }

    @Override
    public void send(String text) {
        if (writable("send")) write(new TextWebSocketFrame(text));
    }

    @Override
    public void sendBinary(byte[] data) {
        if (writable("sendBinary")) write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)));
    }

    @Override
    public void ping() {
        if (!writable("ping")) return;
        pings.add(System.nanoTime());
        channel.writeAndFlush(new PingWebSocketFrame());
    }

    private void write(Object frame) {
        recorder.sent();
        channel.writeAndFlush(frame);
    }

    private boolean writable(String what) {
        if (state == State.OPEN) return true;
        error(WsErrorCodes.SEND_AFTER_CLOSE, what + "() on a socket that is " + state.name().toLowerCase(java.util.Locale.ROOT));
        return false;
    }

    @Override
    public void close(int code, String reason) {
        if (state == State.OPEN) {
            state = State.CLOSING;
            closeCode = code;
            closeReason = reason;
            closeFrameSeen = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } else if (state == State.OPENING && channel != null) {
            channel.close();
        }
    }

    @Override
    public void fail() {
        if (state == State.CLOSED) return;
        recorder.error(WsErrorCodes.HANDLER_ERROR);
        close(1011, "handler error");
    }

    @Override
    public boolean open() {
        return state == State.OPEN;
    }

    /** Closes a socket the script left open when its VU ends; counted as {@link WsErrorCodes#OPEN_AT_END}. */
    void closeAtEnd() {
        if (state == State.OPEN) {
            recorder.error(WsErrorCodes.OPEN_AT_END);
            close(1001, "going away");
        } else if (state != State.CLOSED && channel != null) {
            channel.close();
        }
    }

    private static Map<String, List<String>> headers(HttpHeaders h) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (h == null) return out;
        for (String name : h.names()) out.put(name.toLowerCase(java.util.Locale.ROOT), h.getAll(name));
        return out;
    }
}
