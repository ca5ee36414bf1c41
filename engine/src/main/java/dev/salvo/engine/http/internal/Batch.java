package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The requests of one {@code batch}, sent in parallel in list order with at most {@code limit} in
 * flight and at most {@code perHost} to one {@code host:port} (k6's {@code batch} and
 * {@code batchPerHost}). Runs on the session's loop; each request completes on its own, so one
 * failure never holds back the others.
 */
public final class Batch {
    private final List<HttpRequest> requests;
    private final Function<HttpRequest, CompletableFuture<HttpResponse>> send;
    private final int limit;
    private final int perHost;
    private final HttpResponse[] responses;
    private final boolean[] started;
    private final Map<String, Integer> inFlightPerHost = new HashMap<>();
    private final CompletableFuture<List<HttpResponse>> result = new CompletableFuture<>();
    private int inFlight;
    private int done;

    public Batch(List<HttpRequest> requests, Function<HttpRequest, CompletableFuture<HttpResponse>> send, int limit,
            int perHost) {
        this.requests = List.copyOf(requests);
        this.send = send;
        this.limit = limit;
        this.perHost = perHost;
        this.responses = new HttpResponse[this.requests.size()];
        this.started = new boolean[this.requests.size()];
    }

    public CompletableFuture<List<HttpResponse>> start() {
        if (requests.isEmpty()) {
            result.complete(List.of());
        } else {
            fill();
        }
        return result;
    }

    /** Starts every waiting request the limits allow, first come first served. */
    private void fill() {
        for (int i = 0; i < requests.size() && inFlight < limit; i++) {
            if (started[i]) {
                continue;
            }
            String host = hostKey(requests.get(i));
            int onHost = inFlightPerHost.getOrDefault(host, 0);
            if (onHost >= perHost) {
                continue;
            }
            started[i] = true;
            inFlight++;
            inFlightPerHost.put(host, onHost + 1);
            int index = i;
            send.apply(requests.get(i)).thenAccept(r -> finished(index, host, r));
        }
    }

    private void finished(int index, String host, HttpResponse response) {
        responses[index] = response;
        inFlight--;
        inFlightPerHost.merge(host, -1, Integer::sum);
        if (++done == responses.length) {
            result.complete(Arrays.asList(responses));
        } else {
            fill();
        }
    }

    private static String hostKey(HttpRequest request) {
        Target target = Target.of(request.url());
        return target.ok() ? target.key() : "";
    }
}
