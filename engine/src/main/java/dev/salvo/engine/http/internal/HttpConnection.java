package dev.salvo.engine.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

/** One TCP connection of a session, keyed by {@code host:port}, serving one exchange at a time. */
public final class HttpConnection {
    private final String key;
    private final WireCounterHandler counter = new WireCounterHandler();
    private final ResponseHandler handler = new ResponseHandler(this);
    private Channel channel;
    private ChannelFuture connectFuture;
    private Attempt current;
    private int exchanges;
    private HttpHeaders wireHeaders;

    HttpConnection(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public Channel channel() {
        return channel;
    }

    public ChannelFuture connectFuture() {
        return connectFuture;
    }

    public WireCounterHandler counter() {
        return counter;
    }

    ResponseHandler handler() {
        return handler;
    }

    void attach(Channel channel) {
        this.channel = channel;
    }

    void connectFuture(ChannelFuture future) {
        this.connectFuture = future;
        this.channel = future.channel();
    }

    Attempt current() {
        return current;
    }

    /** True once the connection has served an exchange, so a failure may be a stale keep-alive. */
    public boolean reused() {
        return exchanges > 0;
    }

    void begin(Attempt attempt) {
        current = attempt;
        wireHeaders = null;
        counter.reset();
    }

    /** Called before decompression rewrites the headers of an encoded response. */
    void wireHeaders(HttpHeaders headers) {
        wireHeaders = headers;
    }

    /** The headers as the server sent them: k6 shows Content-Encoding even though it decodes the body. */
    HttpHeaders wireHeaders(HttpResponse head) {
        return wireHeaders != null ? wireHeaders : head.headers();
    }

    void end() {
        current = null;
        exchanges++;
    }

    public boolean isActive() {
        return channel != null && channel.isActive();
    }

    public void close() {
        if (channel != null) {
            channel.close();
        }
    }
}
