package dev.salvo.engine.ws.internal;

import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/** Records one socket's metrics; its tags are fixed when it connects, so each series is looked up once. */
final class WsRecorder {
    private final Metrics metrics;
    private final Tags tags;
    private final Series sent;
    private final Series received;
    private final Series dataSent;
    private final Series dataReceived;
    private Series ping;

    WsRecorder(Metrics metrics, Tags base, Tags socket) {
        this.metrics = metrics;
        this.tags = base.with(socket);
        this.sent = metrics.series(WS_MSGS_SENT, tags);
        this.received = metrics.series(WS_MSGS_RECEIVED, tags);
        this.dataSent = metrics.series(DATA_SENT, base);
        this.dataReceived = metrics.series(DATA_RECEIVED, base);
    }

    void handshake(int status, double ms) {
        metrics.add(WS_CONNECTING, tags.with("status", Integer.toString(status)), ms);
        if (status == 101) metrics.add(WS_SESSIONS, tags, 1);
    }

    void sessionEnded(double ms) {
        metrics.add(WS_SESSION_DURATION, tags, ms);
    }

    void sent() {
        sent.add(1);
    }

    void received() {
        received.add(1);
    }

    void ping(double ms) {
        if (ping == null) ping = metrics.series(WS_PING, tags);
        ping.add(ms);
    }

    void error(int code) {
        metrics.add(WS_ERRORS, tags.with("error_code", Integer.toString(code)), 1);
    }

    void bytesSent(long n) {
        dataSent.add(n);
    }

    void bytesReceived(long n) {
        dataReceived.add(n);
    }
}
