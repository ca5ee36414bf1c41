package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's main numbers per second for the charts of report.html: one small row per second
 * (about 80 bytes; an 8 h run keeps some 2 MB), never histograms.
 */
public final class Timeline implements IntervalListener {
    /** One second: VUs, requests and failures per second, latency percentiles of all requests in ms (NaN: no request). */
    public record Point(long epochMillis, long vus, double rps, double failedPerSecond, double checksFailedPerSecond,
                        double p50, double p90, double p99, double max) {}

    private final List<Point> points = new ArrayList<>();
    private final RequestStats scratch = new RequestStats();
    private long vus;

    @Override
    public synchronized void onInterval(Interval interval) {
        scratch.reset();
        double reqs = 0, checksFailed = 0;
        for (Aggregate a : interval.series()) {
            switch (a.metric().name()) {
                case "http_req_duration" -> {
                    if (a.count() > 0) scratch.add(a);
                }
                case "http_reqs" -> reqs += a.sum();
                case "http_req_failed" -> scratch.failures += a.passes();
                case "checks" -> checksFailed += a.count() - a.passes();
                case "vus" -> vus = (long) a.last();
                default -> { }
            }
        }
        double s = interval.seconds();
        boolean none = scratch.count() == 0; // no request this second: a gap in the chart, not a zero latency
        points.add(new Point(interval.endMillis(), vus, reqs / s, scratch.failures / s, checksFailed / s,
                none ? Double.NaN : scratch.percentile(50), none ? Double.NaN : scratch.percentile(90),
                none ? Double.NaN : scratch.percentile(99), none ? Double.NaN : scratch.max()));
    }

    public synchronized List<Point> points() {
        return List.copyOf(points);
    }
}
