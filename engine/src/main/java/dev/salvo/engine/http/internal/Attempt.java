package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.Compression;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.HttpErrorCodes;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.Timings;
import dev.salvo.engine.loop.LoopLag;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * One request and its response on one connection: takes or opens the connection, writes, collects
 * the response and the phase timestamps, then reports exactly once to its {@link Exchange}.
 */
final class Attempt {
    private static final long UNSET = Long.MIN_VALUE;

    private final Exchange owner;
    private final ConnectionPool pool;
    private final HttpConfig config;
    private final HttpRequest request;
    private final Target target;
    private final boolean freshOnly;

    private HttpConnection connection;
    private FullHttpRequest message;
    private boolean done;
    private long start = UNSET;
    private long connectStart = UNSET;
    private long connectEnd = UNSET;
    private long tlsEnd = UNSET;
    private long writeStart = UNSET;
    private long writeEnd = UNSET;
    private long connectLag;
    private io.netty.handler.codec.http.HttpResponse head;
    private boolean informational;
    private BodyBuffer body;
    private long bodyBytes;

    Attempt(Exchange owner, ConnectionPool pool, HttpConfig config, HttpRequest request, Target target,
            boolean freshOnly) {
        this.owner = owner;
        this.pool = pool;
        this.config = config;
        this.request = request;
        this.target = target;
        this.freshOnly = freshOnly;
    }

    boolean freshOnly() {
        return freshOnly;
    }

    void start() {
        start = System.nanoTime();
        try {
            message = RequestFactory.build(request, target, config);
        } catch (IllegalArgumentException e) {
            fail(new Failure(HttpErrorCodes.INVALID_REQUEST, "invalid request: " + e.getMessage()), false);
            return;
        }
        if (pool.isClosed()) {
            fail(Failure.SESSION_CLOSED, false);
            return;
        }
        HttpConnection reusable = freshOnly ? null : pool.pollIdle(target.key());
        if (reusable != null) {
            useNow(reusable);
            return;
        }
        HttpConnection opening = freshOnly ? null : pool.opening(target.key());
        if (opening == null) {
            connect();
            return;
        }
        // Another exchange is opening a connection that may turn out to be HTTP/2: wait for it (blocked).
        opening.ready().addListener(f -> {
            if (done) {
                return;
            }
            if (f.isSuccess() && opening.multiplexed() && opening.isActive()) {
                useNow(opening);
            } else {
                connect();
            }
        });
    }

    private void useNow(HttpConnection ready) {
        connectStart = System.nanoTime();
        connectEnd = connectStart;
        tlsEnd = connectStart;
        use(ready);
    }

    private void connect() {
        connectStart = System.nanoTime();
        HttpConnection fresh;
        try {
            fresh = pool.connect(target);
        } catch (IllegalArgumentException e) {
            fail(new Failure(HttpErrorCodes.TLS_ERROR, "tls: " + e.getMessage()), false); // settings the provider refused
            return;
        }
        connection = fresh;
        fresh.ready().addListener(f -> {
            if (done) {
                return; // timed out while connecting; the channel is already closed
            }
            if (!f.isSuccess()) {
                if (fresh.connectedNanos() != 0) {
                    connectEnd = fresh.connectedNanos(); // the TLS handshake failed, not the dial
                }
                dialed(fresh);
                Failure failure = Failure.ofConnect(f.cause(), target.host(), target.port(), fresh.proxy());
                fail(fresh.connectedNanos() != 0 && target.tls() ? failure.inTlsHandshake() : failure, false);
                return;
            }
            tlsEnd = System.nanoTime();
            connectEnd = fresh.connectedNanos() != 0 ? fresh.connectedNanos() : tlsEnd;
            connectLag = fresh.connectLagNanos();
            dialed(fresh);
            use(fresh);
        });
    }

    /**
     * Moves the start of "connecting" to when the socket dialled: the wait for the event loop to get to
     * the bootstrap's connect task (and any DNS look-up) is "blocked", salvo's own time, not the network's.
     */
    private void dialed(HttpConnection fresh) {
        long dialed = fresh.dialedNanos();
        if (dialed != 0 && dialed > connectStart) {
            connectStart = connectEnd == UNSET ? dialed : Math.min(dialed, connectEnd);
        }
    }

    /** Writes on an HTTP/1.1 connection, or on a new stream of an HTTP/2 one. */
    private void use(HttpConnection ready) {
        if (!ready.multiplexed()) {
            connection = ready;
            ready.begin(this);
            write();
            return;
        }
        connection = null; // a failure of this exchange must not close the streams of others
        ready.openStream().addListener(f -> {
            HttpConnection stream = (HttpConnection) f.getNow();
            if (done) {
                if (stream != null) {
                    stream.close();
                }
                return;
            }
            if (!f.isSuccess()) {
                // Typically a GOAWAY: the connection takes no new streams, so this exchange opens its own.
                pool.noNewStreams(ready);
                connect();
                return;
            }
            connection = stream;
            stream.begin(this);
            write();
        });
    }

    private void write() {
        FullHttpRequest out = message;
        message = null;
        if (connection.proxy() != null && !target.tls()) {
            out.setUri("http://" + target.hostHeader() + target.pathAndQuery()); // absolute-form, for the proxy
        }
        writeStart = System.nanoTime();
        connection.channel().writeAndFlush(out).addListener(f -> {
            if (f.isSuccess()) {
                if (writeEnd == UNSET) {
                    writeEnd = System.nanoTime();
                }
            } else {
                fail(Failure.ofIo(f.cause()), staleConnection());
            }
        });
    }

    void onMessage(HttpObject msg) {
        if (done) {
            return;
        }
        if (msg.decoderResult().isFailure()) {
            fail(Failure.ofDecoder(msg.decoderResult().cause()), false);
            return;
        }
        if (msg instanceof io.netty.handler.codec.http.HttpResponse h) {
            // 1xx (except 101) precede the real response; skip them and their empty content.
            informational = h.status().codeClass() == HttpStatusClass.INFORMATIONAL && h.status().code() != 101;
            if (!informational) {
                // The decompressor leaves an encoding it cannot decode in place: say so, not hand back noise.
                String unsupported = Compression.unsupported(h.headers().get(HttpHeaderNames.CONTENT_ENCODING));
                if (unsupported != null) {
                    fail(new Failure(HttpErrorCodes.BODY_DECODE_ERROR, unsupported), false);
                    return;
                }
                head = h;
                boolean keep = !(request.discardBody() || config.discardResponseBodies());
                body = keep ? new BodyBuffer() : null;
            }
        }
        if (msg instanceof HttpContent content) {
            if (informational || head == null) {
                informational = informational && !(content instanceof LastHttpContent);
                return;
            }
            if (body != null) {
                // Only a kept body has a cap: a discarded one is counted as it streams by, whatever its size.
                bodyBytes += content.content().readableBytes();
                if (bodyBytes > config.maxResponseBodySize()) {
                    fail(Failure.bodyTooLarge(config.maxResponseBodySize()), false);
                    return;
                }
                body.append(content.content());
            }
            if (content instanceof LastHttpContent) {
                complete();
            }
        }
    }

    void onClosed() {
        fail(Failure.CLOSED, staleConnection());
    }

    void onError(Throwable cause) {
        fail(Failure.ofIo(cause), staleConnection());
    }

    /** Ends the attempt from outside (timeout, session closed): the connection is closed, never reused. */
    void abort(Failure failure) {
        fail(failure, false);
    }

    /**
     * Safe to retry on a new connection: a kept-alive connection the server closed just before we used
     * it, or a stream a GOAWAY cut; either way nothing of the response came back.
     */
    private boolean staleConnection() {
        if (connection != null && connection.isStream()) {
            return connection.parentGoingAway() && !connection.counter().anyRead();
        }
        return connection != null && connection.reused() && !connection.counter().anyRead();
    }

    private void complete() {
        long end = System.nanoTime();
        done = true;
        boolean keepAlive = connection.isStream()
                || HttpUtil.isKeepAlive(head) && !"close".equalsIgnoreCase(request.header("connection"));
        String proto = connection.isStream() ? "HTTP/2.0" : head.protocolVersion().text();
        HttpResponse response = HttpResponse.received(head.status().code(), proto, request.url().toString(),
                new ResponseHeaders(connection.wireHeaders(head), connection.isStream()), body == null ? new byte[0] : body.toByteArray(),
                timings(end, LoopLag.boundNanos()),
                new HttpResponse.Wire(connection.bytesWritten(), connection.bytesRead(), connection.tlsVersion()));
        connection.end();
        if (keepAlive) {
            pool.release(connection);
        } else {
            pool.discard(connection);
        }
        owner.attemptDone(this, response, false);
    }

    private void fail(Failure failure, boolean retryable) {
        if (done) {
            return;
        }
        long end = System.nanoTime();
        done = true;
        if (message != null) {
            message.release();
            message = null;
        }
        long sent = 0;
        long received = 0;
        String tlsVersion = "";
        if (connection != null) {
            tlsVersion = connection.tlsVersion();
            sent = connection.bytesWritten();
            received = connection.bytesRead();
            if (connection.current() == this) {
                connection.end();
            }
            pool.discard(connection);
        }
        HttpResponse response = HttpResponse.failed(request.url().toString(), timings(end, LoopLag.boundNanos()), failure.code(),
                failure.message(), new HttpResponse.Wire(sent, received, tlsVersion));
        owner.attemptDone(this, response, retryable);
    }

    /** The phases, ending at {@code end}, seen by a loop that may have been {@code endLag} late then. */
    private Timings timings(long end, long endLag) {
        if (start == UNSET) {
            return Timings.ZERO;
        }
        long cStart = connectStart == UNSET ? end : connectStart;
        long cEnd = connectEnd == UNSET ? end : connectEnd;
        long tEnd = tlsEnd == UNSET ? end : tlsEnd;
        double blocked = ms(cStart - start);
        double connecting = ms(cEnd - cStart);
        double tls = target.tls() ? ms(tEnd - cEnd) : 0;
        if (writeStart == UNSET) {
            return new Timings(blocked, connecting, tls, 0, 0, 0, 0, ms(Math.max(connectLag, endLag)));
        }
        boolean anyRead = connection.counter().anyRead();
        long late = Math.max(connectLag, Math.max(endLag, anyRead ? connection.counter().firstReadLagNanos() : 0));
        long firstByte = anyRead ? connection.counter().firstReadNanos() : end;
        // The response can be read before the write listener runs; the flush ended no later than that.
        long wEnd = writeEnd == UNSET ? firstByte : Math.min(writeEnd, firstByte);
        double sending = ms(wEnd - writeStart);
        double waiting = ms(firstByte - wEnd);
        double receiving = anyRead ? ms(end - firstByte) : 0;
        return new Timings(blocked, connecting, tls, sending, waiting, receiving, sending + waiting + receiving, ms(late));
    }

    private static double ms(long nanos) {
        return Math.max(0, nanos) / 1_000_000.0;
    }
}
