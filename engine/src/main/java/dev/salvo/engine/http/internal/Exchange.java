package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.CookieJar;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.HttpListener;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.Timings;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code send}: its redirect hops, the one retry of a stale keep-alive connection, and the
 * timeout covering the whole of it. Completes its future exactly once, never exceptionally.
 */
public final class Exchange {
    private final Timeouts timeouts;
    private final ConnectionPool pool;
    private final HttpConfig config;
    private final HttpListener listener;
    private final CookieJar cookies;
    private final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    private HttpRequest current;
    private Attempt attempt;
    private int hops;
    private long deadline;
    private boolean finished;

    public Exchange(Timeouts timeouts, ConnectionPool pool, HttpConfig config, HttpListener listener, CookieJar cookies) {
        this.timeouts = timeouts;
        this.pool = pool;
        this.config = config;
        this.listener = listener;
        this.cookies = cookies;
    }

    public CompletableFuture<HttpResponse> start(HttpRequest request) {
        // At most ~73 years: nanoTime arithmetic stays clear of overflow ("forever" is that long).
        deadline = System.nanoTime() + Math.min(saturatedNanos(request.timeout()), Long.MAX_VALUE / 4);
        timeouts.add(this);
        startHop(request);
        return result;
    }

    /** Completes at once with an error that precedes any exchange. */
    public static CompletableFuture<HttpResponse> failed(HttpRequest request, int code, String message) {
        return CompletableFuture.completedFuture(failure(request, code, message));
    }

    private void startHop(HttpRequest request) {
        current = request;
        Target target = Target.of(request.url());
        if (!target.ok()) {
            attempt = null;
            HttpResponse response = failure(request, target.errorCode(), target.error());
            notifyListener(request, response);
            finish(response);
            return;
        }
        attempt = new Attempt(this, pool, config, CookieHeader.apply(request, cookies), target, false);
        attempt.start();
    }

    void attemptDone(Attempt done, HttpResponse response, boolean retryable) {
        if (done != attempt || finished) {
            return;
        }
        if (retryable && !done.freshOnly() && !pool.isClosed()) {
            attempt = new Attempt(this, pool, config, CookieHeader.apply(current, cookies), Target.of(current.url()), true);
            attempt.start();
            return;
        }
        cookies.store(current.url(), response.headers().get("set-cookie"));
        notifyListener(current, response);
        if (response.errorCode() == 0 && hops < current.maxRedirects()) {
            HttpRequest next = Redirects.next(current, response);
            if (next != null) {
                hops++;
                startHop(next);
                return;
            }
        }
        finish(response);
    }

    /** When the whole exchange times out, in {@link System#nanoTime()}. */
    long deadline() {
        return deadline;
    }

    void onTimeout() {
        if (finished) {
            return;
        }
        if (attempt != null) {
            attempt.abort(Failure.TIMEOUT);
        }
        if (!finished) {
            finish(failure(current, Failure.TIMEOUT.code(), Failure.TIMEOUT.message()));
        }
    }

    private void notifyListener(HttpRequest request, HttpResponse response) {
        try {
            listener.onExchange(request, response);
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }

    private void finish(HttpResponse response) {
        finished = true;
        timeouts.remove(this);
        result.complete(response);
    }

    private static long saturatedNanos(java.time.Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // "forever"
        }
    }

    private static HttpResponse failure(HttpRequest request, int code, String message) {
        return HttpResponse.failed(request.url().toString(), Timings.ZERO, code, message, HttpResponse.Wire.NONE);
    }
}
