package dev.salvo.engine.monitor.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;


/**
 * A monitor that GETs a URL every period, asynchronously (one request in flight at most: a poll
 * due while the last one is unanswered is skipped), and hands a 2xx body to {@link #accept}. A failed poll is a warning; the next one tries again.
 */
abstract class HttpPoll implements Monitor {
    /** Longer than a short period on purpose: a slow answer skips polls rather than failing each one. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Supplier<HttpClient> client;
    private final HttpRequest request;
    private final Duration every;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    final String what;
    final Reporter reporter;

    HttpPoll(Supplier<HttpClient> client, URI url, Duration every, String kind, Reporter reporter) {
        this.client = client;
        this.every = every;
        this.reporter = reporter;
        this.what = "monitor." + kind + " " + url;
        request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void sample() {
        if (!inFlight.compareAndSet(false, true)) return; // the previous poll is still running: skip this one
        client.get().sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            inFlight.set(false);
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                reporter.warn(what + ": " + describe(cause) + "; the run goes on, the monitor retries");
            } else if (r.statusCode() / 100 != 2) {
                reporter.warn(what + ": status " + r.statusCode() + "; the run goes on, the monitor retries");
            } else {
                accept(r.body());
            }
        });
    }

    /** Records what a successful poll returned; problems go to {@link #reporter}. */
    abstract void accept(String body);

    /** The JDK's client often fails without a message (a refused connect is a bare ConnectException). */
    private static String describe(Throwable cause) {
        if (cause.getMessage() != null) return cause.getMessage();
        if (cause instanceof ConnectException) return "connection refused";
        if (cause instanceof HttpTimeoutException) return "timed out";
        return cause.getClass().getSimpleName();
    }
}
