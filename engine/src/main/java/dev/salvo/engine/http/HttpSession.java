package dev.salvo.engine.http;

import dev.salvo.engine.http.internal.Batch;
import dev.salvo.engine.http.internal.ConnectionPool;
import dev.salvo.engine.http.internal.Exchange;
import dev.salvo.engine.http.internal.Timeouts;
import dev.salvo.engine.loop.OnLoop;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP client of one virtual user (HTTP/1.1 and HTTP/2, plain or over TLS): its connections and its
 * cookies, all on one event loop, so no locks. Network failures come back as responses with status 0,
 * never as exceptions.
 */
public final class HttpSession implements AutoCloseable {
    private final EventLoop loop;
    private final HttpConfig config;
    private final HttpListener listener;
    private final ConnectionPool pool;
    private final Timeouts timeouts;
    private final CookieJar cookies = new CookieJar();

    public HttpSession(EventLoop loop, HttpConfig config, HttpListener listener) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = listener == null ? HttpListener.NONE : listener;
        this.pool = new ConnectionPool(loop, config);
        this.timeouts = new Timeouts(loop);
    }

    /**
     * Sends a request, following redirects. Meant to be called on the session's loop; the future
     * completes on that loop, never exceptionally.
     */
    public CompletableFuture<HttpResponse> send(HttpRequest request) {
        return send(request, cookies);
    }

    /**
     * {@link #send(HttpRequest)} with another cookie jar than this virtual user's (k6's {@code params.jar}): the
     * request and its redirects send that jar's cookies and store theirs there.
     */
    public CompletableFuture<HttpResponse> send(HttpRequest request, CookieJar jar) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(jar, "jar");
        if (!loop.inEventLoop()) {
            // Tolerated for callers off the loop: hop onto it rather than break the single-thread rule.
            CompletableFuture<HttpResponse> result = new CompletableFuture<>();
            loop.execute(() -> send(request, jar).whenComplete((r, e) -> result.complete(r)));
            return result;
        }
        if (pool.isClosed()) {
            return Exchange.failed(request, HttpErrorCodes.INTERRUPTED, "request cut short: the run stopped (session closed)");
        }
        return new Exchange(timeouts, pool, config, listener, jar).start(request);
    }

    /**
     * Sends requests in parallel, on as many connections as they need, within the config's
     * {@code batch} and {@code batchPerHost} limits; the responses come back in the requests' order.
     * Each exchange is reported to the listener on its own.
     */
    public CompletableFuture<List<HttpResponse>> sendAll(List<HttpRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        if (!loop.inEventLoop()) {
            CompletableFuture<List<HttpResponse>> result = new CompletableFuture<>();
            loop.execute(() -> sendAll(requests).whenComplete((r, e) -> result.complete(r)));
            return result;
        }
        return new Batch(requests, this::send, config.batch(), config.batchPerHost()).start();
    }

    /** This virtual user's cookies; use it on the session's loop only. */
    public CookieJar cookies() {
        return cookies;
    }

    /** A new iteration begins: the cookie jar empties, as in k6, unless the config says {@code noCookiesReset}. */
    public void startIteration() {
        if (!config.noCookiesReset()) {
            cookies.clearAll();
        }
    }

    public HttpConfig config() {
        return config;
    }

    /** Closes the connections no exchange is using ({@code noVUConnectionReuse}, between iterations). */
    public void closeIdleConnections() {
        pool.closeIdle();
    }

    /** Connections open or being opened, idle or busy. */
    public int openConnections() {
        return pool.openConnections();
    }

    /** Closes every connection; exchanges in flight end with an error response. */
    @Override
    public void close() {
        OnLoop.runOrSkip(loop, pool::close);
    }
}
