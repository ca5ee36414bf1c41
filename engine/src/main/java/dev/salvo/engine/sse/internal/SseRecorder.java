package dev.salvo.engine.sse.internal;

import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/** Records one stream's metrics; its tags are fixed when it opens, so each series is looked up once. */
final class SseRecorder {
    private final Metrics metrics;
    private final Tags tags;
    private final Series events;
    private final Series gap;
    private final Series dataSent;
    private final Series dataReceived;

    SseRecorder(Metrics metrics, Tags base, Tags stream) {
        this.metrics = metrics;
        this.tags = base.with(stream);
        this.events = metrics.series(SSE_EVENTS, tags);
        this.gap = metrics.series(SSE_EVENT_GAP, tags);
        this.dataSent = metrics.series(DATA_SENT, base);
        this.dataReceived = metrics.series(DATA_RECEIVED, base);
        // A zero, so that `sse_errors: ['count==0']` holds on a run without errors instead of finding no data.
        metrics.add(SSE_ERRORS, tags, 0);
    }

    void connecting(int status, double ms) {
        metrics.add(SSE_CONNECTING, tags.with("status", Integer.toString(status)), ms);
    }

    void firstEvent(double ms) {
        metrics.add(SSE_TIME_TO_FIRST_EVENT, tags, ms);
    }

    void event(double gapMs) {
        events.add(1);
        if (gapMs >= 0) gap.add(gapMs);
    }

    void ended(double ms) {
        metrics.add(SSE_SESSION_DURATION, tags, ms);
    }

    void reconnect() {
        metrics.add(SSE_RECONNECTS, tags, 1);
    }

    void error(int code) {
        metrics.add(SSE_ERRORS, tags.with("error_code", Integer.toString(code)), 1);
    }

    void bytesSent(long n) {
        dataSent.add(n);
    }

    void bytesReceived(long n) {
        dataReceived.add(n);
    }
}
