package dev.salvo.engine.run;

import dev.salvo.engine.http.HttpListener;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.Timings;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/**
 * Records every HTTP exchange of one VU into the built-in metrics, tagged as k6 tags them:
 * the VU's tags, the request's own tags ({@code name}, {@code group}...), method, status, url.
 */
final class HttpRecorder implements HttpListener {
    private final Metrics metrics;
    private final Tags base;

    HttpRecorder(Metrics metrics, Tags base) {
        this.metrics = metrics;
        this.base = base;
    }

    @Override
    public void onExchange(HttpRequest request, HttpResponse response) {
        Map<String, String> t = new LinkedHashMap<>(base.asMap());
        String url = response.url() != null ? response.url() : request.url().toString();
        t.put("url", url);
        t.put("name", url);
        if (request.tags() != null) t.putAll(request.tags());
        t.put("method", request.method());
        t.put("status", Integer.toString(response.status()));
        boolean failed = response.status() == 0 || response.status() >= 400;
        t.put("expected_response", Boolean.toString(!failed));
        if (response.errorCode() != 0) t.put("error_code", Integer.toString(response.errorCode()));
        Tags tags = Tags.of(t);

        Timings tm = response.timings();
        metrics.add(HTTP_REQS, tags, 1);
        metrics.add(HTTP_REQ_DURATION, tags, tm.duration());
        metrics.add(HTTP_REQ_BLOCKED, tags, tm.blocked());
        metrics.add(HTTP_REQ_CONNECTING, tags, tm.connecting());
        metrics.add(HTTP_REQ_TLS_HANDSHAKING, tags, tm.tlsHandshaking());
        metrics.add(HTTP_REQ_SENDING, tags, tm.sending());
        metrics.add(HTTP_REQ_WAITING, tags, tm.waiting());
        metrics.add(HTTP_REQ_RECEIVING, tags, tm.receiving());
        metrics.add(HTTP_REQ_FAILED, tags, failed ? 1 : 0);
        metrics.add(DATA_SENT, base, response.bytesSent());
        metrics.add(DATA_RECEIVED, base, response.bytesReceived());
    }
}
