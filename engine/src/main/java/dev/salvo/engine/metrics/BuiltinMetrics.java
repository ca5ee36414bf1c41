package dev.salvo.engine.metrics;

/** The built-in metrics, with k6's names. */
public final class BuiltinMetrics {
    public static final Metric VUS = Metric.gauge("vus");
    public static final Metric VUS_MAX = Metric.gauge("vus_max");
    public static final Metric ITERATIONS = Metric.counter("iterations");
    public static final Metric ITERATION_DURATION = Metric.trend("iteration_duration", true);
    public static final Metric DROPPED_ITERATIONS = Metric.counter("dropped_iterations");
    public static final Metric HTTP_REQS = Metric.counter("http_reqs");
    public static final Metric HTTP_REQ_DURATION = Metric.trend("http_req_duration", true);
    public static final Metric HTTP_REQ_BLOCKED = Metric.trend("http_req_blocked", true);
    public static final Metric HTTP_REQ_CONNECTING = Metric.trend("http_req_connecting", true);
    public static final Metric HTTP_REQ_TLS_HANDSHAKING = Metric.trend("http_req_tls_handshaking", true);
    public static final Metric HTTP_REQ_SENDING = Metric.trend("http_req_sending", true);
    public static final Metric HTTP_REQ_WAITING = Metric.trend("http_req_waiting", true);
    public static final Metric HTTP_REQ_RECEIVING = Metric.trend("http_req_receiving", true);
    public static final Metric HTTP_REQ_FAILED = Metric.rate("http_req_failed");
    public static final Metric DATA_SENT = Metric.counter("data_sent");
    public static final Metric DATA_RECEIVED = Metric.counter("data_received");
    public static final Metric CHECKS = Metric.rate("checks");
    public static final Metric GROUP_DURATION = Metric.trend("group_duration", true);

    private BuiltinMetrics() {}
}
