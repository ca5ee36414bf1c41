package dev.salvo.engine.sse.internal;

import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpErrorCodes;
import dev.salvo.engine.http.internal.Failure;
import dev.salvo.engine.sse.SseErrorCodes;
import dev.salvo.engine.sse.SseEvent;
import dev.salvo.engine.sse.SseListener;
import dev.salvo.engine.sse.SseParams;
import dev.salvo.engine.sse.SseParser;
import dev.salvo.engine.sse.SseResponse;
import dev.salvo.engine.sse.SseStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One stream's state machine (connecting, open, waiting to reconnect, ended) across its connections:
 * sends the request, checks the response (200, {@code text/event-stream}), feeds the body's chunks to an
 * {@link SseParser} as they are read, reconnects as the spec says when asked to, and records the
 * stream's metrics. Every timestamp is taken on the loop when the bytes are read.
 */
public final class SseConnection implements SseStream {
    private enum State { CONNECTING, OPEN, REFUSED, WAITING, ENDED }

    private final SseParams params;
    private final SseListener listener;
    private final SseRecorder recorder;
    private final SseConnector connector;
    private final EventLoop loop;
    private final Consumer<SseConnection> ended;
    private final long startNanos = System.nanoTime();
    /** How late the iteration started against its schedule (open models), added to times from the start. */
    private final double lagMs;
    private State state = State.CONNECTING;
    private Channel channel;
    private SseParser parser;
    private String lastEventId;
    private long attemptNanos;
    private long lastEventNanos = -1;
    private boolean firstEvent = true;
    private long events;
    private int reconnects;
    private int status;
    private Map<String, List<String>> headers = Map.of();
    private StringBuilder body;
    private String error;
    private int errorCode;
    private double connectingMs;
    private ScheduledFuture<?> responseTimer;
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> retryTimer;

    SseConnection(SseParams params, SseListener listener, SseRecorder recorder, SseConnector connector, EventLoop loop,
                  long lagNanos, Consumer<SseConnection> ended) {
        this.params = params;
        this.listener = listener;
        this.recorder = recorder;
        this.connector = connector;
        this.loop = loop;
        this.lagMs = lagNanos > 0 ? lagNanos / 1e6 : 0;
        this.ended = ended;
        this.lastEventId = params.lastEventId();
    }

    SseParams params() {
        return params;
    }

    SseRecorder recorder() {
        return recorder;
    }

    void start() {
        attemptNanos = System.nanoTime();
        state = State.CONNECTING;
        parser = new SseParser(this::dispatched, params.maxEventSize(), lastEventId);
        lastEventNanos = -1;
        body = null;
        ChannelFuture f = connector.connect(this);
        Channel ch = f.channel();
        responseTimer = loop.schedule(() -> {
            if (ch != channel || state != State.CONNECTING) return;
            error(SseErrorCodes.RESPONSE_TIMEOUT, "no response within " + params.timeout().toMillis() + " ms");
            connectionEnded(true);
        }, params.timeout().toNanos(), TimeUnit.NANOSECONDS);
        f.addListener(done -> {
            if (done.isSuccess() || ch != channel) return;
            Failure failure = Failure.ofConnect(done.cause(), params.url().getHost(), params.port(), null);
            error(failure.code(), failure.message());
            connectionEnded(true);
        });
    }

    /** The handler of the connection {@code ch}; events of a connection that is no longer the stream's are dropped. */
    SimpleChannelInboundHandler<HttpObject> handler(Channel ch) {
        channel = ch;
        return new Handler(ch);
    }

    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        private final Channel ch;

        Handler(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (ch == channel) ctx.writeAndFlush(request());
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (ch != channel) return;
            long now = System.nanoTime();
            if (msg instanceof HttpResponse r) response(r, now);
            if (msg instanceof HttpContent c && ch == channel) content(c, now);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ch == channel) {
                switch (state) {
                    case CONNECTING -> {
                        error(HttpErrorCodes.CONNECTION_CLOSED, "connection closed before the response headers");
                        connectionEnded(true);
                    }
                    case OPEN -> streamEnded();
                    case REFUSED -> connectionEnded(false);
                    default -> { }
                }
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ch == channel && (state == State.CONNECTING || state == State.OPEN)) {
                Failure f = Failure.ofIo(cause);
                error(state == State.OPEN && f.code() == HttpErrorCodes.GENERIC ? SseErrorCodes.STREAM_ERROR : f.code(), f.message());
                connectionEnded(true);
            }
            ctx.close();
        }
    }

    private DefaultFullHttpRequest request() {
        byte[] bytes = params.body();
        DefaultFullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(params.method()),
                params.pathAndQuery(), bytes == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        HttpHeaders h = r.headers();
        for (Header header : params.headers()) h.add(header.name(), header.value());
        if (!h.contains(HttpHeaderNames.HOST)) h.set(HttpHeaderNames.HOST, params.hostHeader());
        if (!h.contains(HttpHeaderNames.USER_AGENT)) h.set(HttpHeaderNames.USER_AGENT, connector.userAgent());
        if (!h.contains(HttpHeaderNames.ACCEPT)) h.set(HttpHeaderNames.ACCEPT, "text/event-stream");
        if (!h.contains(HttpHeaderNames.CACHE_CONTROL)) h.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        if (!lastEventId.isEmpty()) h.set("Last-Event-ID", lastEventId);
        h.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (bytes != null || r.method().equals(HttpMethod.POST) || r.method().equals(HttpMethod.PUT)) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, bytes == null ? 0 : bytes.length);
        }
        return r;
    }

    private void response(HttpResponse r, long now) {
        if (responseTimer != null) responseTimer.cancel(false);
        status = r.status().code();
        headers = headers(r.headers());
        connectingMs = (now - attemptNanos) / 1e6;
        recorder.connecting(status, connectingMs);
        if (r.decoderResult().isFailure()) {
            error(HttpErrorCodes.MALFORMED_RESPONSE, "malformed response (not HTTP): " + r.decoderResult().cause().getMessage());
            connectionEnded(false);
            return;
        }
        String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (status == 204) { // the server asks the client not to reconnect
            connectionEnded(false);
        } else if (status != 200) {
            refused(SseErrorCodes.BAD_STATUS, "status " + status + ": an event stream answers 200");
        } else if (!type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            refused(SseErrorCodes.NOT_EVENT_STREAM, "not an event stream: Content-Type is "
                    + (type.isEmpty() ? "missing" : "'" + type + "'") + ", not text/event-stream");
        } else {
            state = State.OPEN;
            error = null;
            errorCode = 0;
            armIdle();
            listener.onOpen(response());
        }
    }

    /** A response that is no event stream: counted now; its body is kept (bounded) for the script, then the stream ends. */
    private void refused(int code, String message) {
        state = State.REFUSED;
        body = new StringBuilder();
        error(code, message);
        Channel ch = channel;
        // A body that never ends must not hold the stream: it gets the response's timeout too.
        responseTimer = loop.schedule(() -> {
            if (ch == channel && state == State.REFUSED) connectionEnded(false);
        }, params.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void content(HttpContent c, long now) {
        if (state == State.REFUSED) {
            int room = SseResponse.MAX_ERROR_BODY - body.length();
            if (room > 0) body.append(c.content().toString(StandardCharsets.UTF_8), 0,
                    Math.min(room, c.content().readableBytes()));
            if (c instanceof LastHttpContent) connectionEnded(false);
            return;
        }
        if (state != State.OPEN) return;
        armIdle();
        parser.feed(c.content(), now);
        if (state != State.OPEN) return; // a handler closed the stream
        if (parser.tooBig()) {
            error(SseErrorCodes.EVENT_TOO_BIG, "an event larger than maxEventSize (" + params.maxEventSize() + " bytes)");
            connectionEnded(false);
        } else if (c instanceof LastHttpContent last) {
            // A connection closed before the body's last chunk is the end of the stream, as the spec reads it.
            if (last.decoderResult().isFailure() && !(last.decoderResult().cause() instanceof PrematureChannelClosureException)) {
                error(SseErrorCodes.STREAM_ERROR, "malformed body: " + last.decoderResult().cause().getMessage());
                connectionEnded(true);
            } else {
                streamEnded();
            }
        }
    }

    private void dispatched(SseEvent e) {
        if (state != State.OPEN) return;
        events++;
        recorder.event(lastEventNanos < 0 ? -1 : (e.receivedNanos() - lastEventNanos) / 1e6);
        lastEventNanos = e.receivedNanos();
        if (firstEvent) {
            firstEvent = false;
            recorder.firstEvent((e.receivedNanos() - startNanos) / 1e6 + lagMs);
        }
        listener.onEvent(e);
    }

    /** The server ended the response (or the connection): an event left without its empty line was cut. */
    private void streamEnded() {
        if (parser.midEvent()) error(SseErrorCodes.CUT_MID_EVENT, "the stream ended in the middle of an event");
        connectionEnded(true);
    }

    private void armIdle() {
        if (params.idleTimeout() == null) return;
        if (idleTimer != null) idleTimer.cancel(false);
        Channel ch = channel;
        idleTimer = loop.schedule(() -> {
            if (ch != channel || state != State.OPEN) return;
            error(SseErrorCodes.IDLE_TIMEOUT, "nothing received for " + params.idleTimeout().toMillis() + " ms (idleTimeout)");
            connectionEnded(true);
        }, params.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void error(int code, String message) {
        error = message;
        errorCode = code;
        recorder.error(code);
        listener.onError(code, message);
    }

    /** This connection is over: reconnect (after the retry time) when asked and allowed, else end the stream. */
    private void connectionEnded(boolean mayReconnect) {
        if (state == State.ENDED || state == State.WAITING) return;
        cancel(responseTimer);
        cancel(idleTimer);
        if (parser != null) lastEventId = parser.lastEventId();
        Channel ch = channel;
        channel = null;
        if (ch != null) ch.close();
        if (mayReconnect && params.reconnect() && reconnects < params.maxReconnects()) {
            state = State.WAITING;
            long wait = parser != null && parser.retry() >= 0 ? parser.retry() : params.retryMs();
            retryTimer = loop.schedule(() -> {
                if (state != State.WAITING) return;
                reconnects++;
                recorder.reconnect();
                start();
            }, wait, TimeUnit.MILLISECONDS);
        } else {
            end();
        }
    }

    private void end() {
        state = State.ENDED;
        cancel(retryTimer);
        recorder.ended((System.nanoTime() - startNanos) / 1e6 + lagMs);
        ended.accept(this);
        listener.onEnd(response());
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) f.cancel(false);
    }

    private SseResponse response() {
        return new SseResponse(params.url().toString(), status, headers, error, errorCode, events, reconnects,
                parser == null ? lastEventId : parser.lastEventId(), body == null ? "" : body.toString(), connectingMs,
                (System.nanoTime() - startNanos) / 1e6 + lagMs);
    }

    @Override
    public void close() {
        if (state == State.ENDED) return;
        if (state == State.WAITING) {
            end();
        } else {
            connectionEnded(false);
        }
    }

    @Override
    public void fail() {
        if (state == State.ENDED) return;
        error(SseErrorCodes.HANDLER_ERROR, "a handler of the stream threw");
        close();
    }

    /** Closes a stream the script left open when its VU ends; counted as {@link SseErrorCodes#OPEN_AT_END}. */
    void closeAtEnd() {
        if (state == State.ENDED) return;
        error(SseErrorCodes.OPEN_AT_END, "still open when the run ended: closed by salvo");
        close();
    }

    @Override
    public String lastEventId() {
        return parser == null ? lastEventId : parser.lastEventId();
    }

    private static Map<String, List<String>> headers(HttpHeaders h) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : h.names()) out.put(name.toLowerCase(Locale.ROOT), h.getAll(name));
        return out;
    }
}
