package dev.salvo.engine.metrics;

/** A named metric. {@code time} marks trends whose values are milliseconds. */
public record Metric(String name, MetricType type, boolean time) {
    public static Metric counter(String name) {
        return new Metric(name, MetricType.COUNTER, false);
    }

    public static Metric gauge(String name) {
        return new Metric(name, MetricType.GAUGE, false);
    }

    public static Metric rate(String name) {
        return new Metric(name, MetricType.RATE, false);
    }

    public static Metric trend(String name, boolean time) {
        return new Metric(name, MetricType.TREND, time);
    }
}
