package dev.salvo.engine.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * One connection of a session, keyed by scheme, host and port. An HTTP/1.1 connection serves one
 * exchange at a time; an HTTP/2 connection ({@link #multiplexed()}) serves each exchange on a stream of
 * its own, and each stream is an {@code HttpConnection} too, with the connection as its parent.
 */
public final class HttpConnection {
    private final String key;
    private final HttpConnection parent;
    private final WireCounterHandler counter = new WireCounterHandler();
    private final ResponseHandler handler = new ResponseHandler(this);
    private final Promise<Void> ready;
    private Channel channel;
    private Attempt current;
    private int exchanges;
    private HttpHeaders wireHeaders;
    private boolean multiplexed;
    private String tlsVersion = "";
    private java.net.URI proxy;
    private long connectedNanos;
    private boolean closed;

    HttpConnection(String key, EventLoop loop) {
        this.key = key;
        this.parent = null;
        this.ready = new DefaultPromise<>(loop);
    }

    private HttpConnection(HttpConnection parent, Http2StreamChannel stream) {
        this.key = parent.key;
        this.parent = parent;
        this.channel = stream;
        this.ready = null;
        this.tlsVersion = parent.tlsVersion;
        this.proxy = parent.proxy;
    }

    public String key() {
        return key;
    }

    public Channel channel() {
        return channel;
    }

    /** Succeeds when requests can be written: connected, and TLS and ALPN done where they apply. */
    Future<Void> ready() {
        return ready;
    }

    void readyNow() {
        ready.trySuccess(null);
    }

    void notReady(Throwable cause) {
        ready.tryFailure(cause);
    }

    public WireCounterHandler counter() {
        return counter;
    }

    ResponseHandler handler() {
        return handler;
    }

    void attach(Channel channel) {
        this.channel = channel;
        if (closed) {
            channel.close(); // given up on while its proxy's address was looked up
        }
    }

    /** When the TCP connection was established, or 0. */
    long connectedNanos() {
        return connectedNanos;
    }

    /** How late the loop may have seen the connect complete ({@link dev.salvo.engine.loop.LoopLag}). */
    long connectLagNanos() {
        return counter.connectLagNanos();
    }

    /** When the socket began to dial (the proxy's, through a proxy), or 0 before it did. */
    long dialedNanos() {
        return counter.connectStartNanos();
    }

    void connected(long nanos) {
        connectedNanos = nanos;
    }

    boolean isClosed() {
        return closed;
    }

    /** HTTP/2: requests go on streams of their own, many at once. */
    boolean multiplexed() {
        return multiplexed;
    }

    void multiplexed(boolean multiplexed) {
        this.multiplexed = multiplexed;
    }

    /** An HTTP/2 connection that received GOAWAY: its streams finish, it takes no new ones. */
    boolean goingAway() {
        Http2FrameCodec codec = channel == null ? null : channel.pipeline().get(Http2FrameCodec.class);
        return codec != null && codec.connection().goAwayReceived();
    }

    boolean parentGoingAway() {
        return parent != null && parent.goingAway();
    }

    boolean isStream() {
        return parent != null;
    }

    /** k6's form ({@code tls1.3}), empty without TLS. */
    String tlsVersion() {
        return tlsVersion;
    }

    void tlsVersion(String protocol) {
        tlsVersion = protocol == null ? "" : "TLSv1".equals(protocol) ? "tls1.0" : protocol.replace("TLSv", "tls");
    }

    /** The proxy this connection goes through, or null. */
    java.net.URI proxy() {
        return proxy;
    }

    void proxy(java.net.URI proxy) {
        this.proxy = proxy;
    }

    /** Opens a stream on this HTTP/2 connection, with the handlers of a stream. */
    Future<HttpConnection> openStream() {
        Promise<HttpConnection> result = channel.eventLoop().newPromise();
        new Http2StreamChannelBootstrap(channel).open().addListener(f -> {
            if (!f.isSuccess()) {
                result.tryFailure(f.cause());
                return;
            }
            Http2StreamChannel stream = (Http2StreamChannel) f.getNow();
            HttpConnection connection = new HttpConnection(this, stream);
            HttpClientInitializer.streamPipeline(connection, stream.pipeline());
            exchanges++;
            result.trySuccess(connection);
        });
        return result;
    }

    /**
     * Bytes written for the current exchange. A stream reports the traffic of its whole connection
     * since the last exchange ended (frames, handshakes), so the sum over exchanges is the wire total.
     */
    long bytesWritten() {
        return parent != null ? parent.counter.takeWritten() : counter.bytesWritten();
    }

    long bytesRead() {
        return parent != null ? parent.counter.takeRead() : counter.bytesRead();
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
        if (exchanges == 0) {
            counter.restartTiming();
        } else {
            counter.reset();
        }
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
        closed = true;
        // A channel that never got registered (no socket: the open-files limit) was closed by Netty already,
        // and close() on it throws "channel not registered to an event loop".
        if (channel != null && channel.isRegistered()) {
            channel.close();
        }
    }
}
