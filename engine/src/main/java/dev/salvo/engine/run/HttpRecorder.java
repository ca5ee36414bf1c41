package dev.salvo.engine.run;

import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.http.HttpListener;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.Timings;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/**
 * Records every HTTP exchange of one VU into the built-in metrics, tagged as k6 tags them:
 * the VU's tags, the request's own tags ({@code name}, {@code group}...), method, status, url.
 * Used on the VU's event loop only, so its cache of series needs no lock.
 */
final class HttpRecorder implements HttpListener {
    /** Bounds the cache when URLs are unique per request (a missing {@code name} tag). */
    private static final int MAX_CACHED = 1024;

    private final Metrics metrics;
    private final Tags base;
    private final Series dataSent;
    private final Series dataReceived;
    private Series late;
    private final Map<Key, RequestSeries> cache = new HashMap<>();
    /** The VU whose schedule lag corrects latencies (open models), or null. */
    private final VirtualUser corrected;
    private boolean failed;

    /** The series one request feeds, for one tag set; {@code serviceTime} is null unless latencies are corrected. */
    private record RequestSeries(Series reqs, Series duration, Series blocked, Series connecting, Series tlsHandshaking,
                                 Series sending, Series waiting, Series receiving, Series failed, Series serviceTime) {
        static RequestSeries of(Metrics m, Tags t, boolean corrected) {
            return new RequestSeries(m.series(HTTP_REQS, t), m.series(HTTP_REQ_DURATION, t), m.series(HTTP_REQ_BLOCKED, t),
                    m.series(HTTP_REQ_CONNECTING, t), m.series(HTTP_REQ_TLS_HANDSHAKING, t), m.series(HTTP_REQ_SENDING, t),
                    m.series(HTTP_REQ_WAITING, t), m.series(HTTP_REQ_RECEIVING, t), m.series(HTTP_REQ_FAILED, t),
                    corrected ? m.series(HTTP_REQ_SERVICE_TIME, t) : null);
        }
    }

    /** {@code expected} is part of the key: the same status has another {@code expected_response} tag per request. */
    private record Key(String url, String method, int status, boolean expected, int errorCode, String proto,
                       String tlsVersion, Map<String, String> tags) {}

    HttpRecorder(Metrics metrics, Tags base) {
        this(metrics, base, null);
    }

    /**
     * A recorder for an open-model VU: {@code http_req_duration} is the service time plus how late the
     * iteration started against its schedule; {@code http_req_service_time} keeps the service time.
     */
    HttpRecorder(Metrics metrics, Tags base, VirtualUser corrected) {
        this.corrected = corrected;
        this.metrics = metrics;
        this.base = base;
        this.dataSent = metrics.series(DATA_SENT, base);
        this.dataReceived = metrics.series(DATA_RECEIVED, base);
    }

    /** A sample that could not be recorded is lost, not the exchange: said once, at the end of the run. */
    @Override
    public void onFailure(RuntimeException e) {
        if (failed) return;
        failed = true;
        metrics.warn("an HTTP sample could not be recorded (later ones may be missing too): " + e);
    }

    @Override
    public void onExchange(HttpRequest request, HttpResponse response) {
        String url = response.url() != null ? response.url() : request.url().toString();
        boolean expected = request.expected().expected(response.status());
        Key key = new Key(url, request.method(), response.status(), expected, response.errorCode(), response.proto(),
                response.tlsVersion(), request.tags());
        RequestSeries series = cache.get(key);
        if (series == null) {
            series = resolve(key);
            if (cache.size() >= MAX_CACHED) cache.clear();
            cache.put(key, series);
        }
        Timings tm = response.timings();
        series.reqs().add(1);
        long lag = corrected == null ? -1 : corrected.scheduleLagNanos();
        // Salvo's own lateness stays in http_req_duration (the user's view, corrected in open models)
        // but never in the phases that claim to be the target's: it is counted instead.
        boolean salvoLate = tm.lateBySalvo() || lag / 1e6 > Timings.LATE_MS;
        if (lag >= 0) {
            series.duration().add(tm.duration() + lag / 1e6);
            if (!salvoLate) series.serviceTime().add(tm.duration());
        } else {
            series.duration().add(tm.duration());
        }
        series.blocked().add(tm.blocked());
        series.tlsHandshaking().add(tm.tlsHandshaking());
        series.sending().add(tm.sending());
        if (salvoLate) {
            if (late == null) late = metrics.series(SALVO_LATE_REQUESTS, base);
            late.add(1);
        } else {
            series.connecting().add(tm.connecting());
            series.waiting().add(tm.waiting());
            series.receiving().add(tm.receiving());
        }
        series.failed().add(expected ? 0 : 1);
        dataSent.add(response.bytesSent());
        dataReceived.add(response.bytesReceived());
    }

    private RequestSeries resolve(Key key) {
        Map<String, String> t = new LinkedHashMap<>(base.asMap());
        t.put("url", key.url());
        t.put("name", metrics.requestName(key.url()));
        if (key.tags() != null) t.putAll(key.tags());
        t.put("method", key.method());
        t.put("status", Integer.toString(key.status()));
        t.put("expected_response", Boolean.toString(key.expected()));
        if (key.errorCode() != 0) t.put("error_code", Integer.toString(key.errorCode()));
        if (!key.proto().isEmpty()) t.put("proto", key.proto());
        if (!key.tlsVersion().isEmpty()) t.put("tls_version", key.tlsVersion());
        Tags tags = Tags.of(t);
        return RequestSeries.of(metrics, tags, corrected != null);
    }
}
