package dev.salvo.engine.live;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;
import org.HdrHistogram.Histogram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run so far, for the web UI and {@code /metrics}: the totals of every series (the sum of the
 * sampler's intervals, so at the end they are the run's totals exactly) and one point per second for
 * the charts (the last hour). Written by the sampler thread, read from any thread; the totals handed
 * out are immutable copies.
 */
public final class LiveStats implements IntervalListener {
    /** The charts' window: one point a second. */
    static final int HISTORY = 3600;

    /** One second of the run: VUs, requests and failures per second, exact percentiles of every request's duration (ms; NaN: none). */
    public record Point(long epochMillis, long vus, double rps, double failuresPerSecond, double p50, double p95, double p99) {}

    private record Key(String metric, Tags tags) {}

    private final Map<Key, Aggregate> totals = new LinkedHashMap<>();
    private final Deque<Point> history = new ArrayDeque<>();
    private final Histogram second = new Histogram(3);
    private long vus;

    @Override
    public synchronized void onInterval(Interval interval) {
        second.reset();
        double reqs = 0;
        long failed = 0;
        for (Aggregate a : interval.series()) {
            // the interval's histograms are recycled by the next one: merge copies them
            totals.compute(new Key(a.metric().name(), a.tags()), (k, old) -> old == null ? copy(a) : old.merge(a));
            switch (a.metric().name()) {
                case "http_req_duration" -> {
                    if (a.histogram() != null) second.add(a.histogram());
                }
                case "http_reqs" -> reqs += a.sum();
                case "http_req_failed" -> failed += a.passes();
                case "vus" -> vus = (long) a.last();
                default -> { }
            }
        }
        double s = interval.seconds();
        boolean none = second.getTotalCount() == 0;
        history.addLast(new Point(interval.endMillis(), vus, reqs / s, failed / s, percentile(none, 50), percentile(none, 95),
                percentile(none, 99)));
        while (history.size() > HISTORY) history.removeFirst();
    }

    private double percentile(boolean none, double p) {
        return none ? Double.NaN : second.getValueAtPercentile(p) / Series.SCALE;
    }

    private static Aggregate copy(Aggregate a) {
        Histogram h = a.histogram() == null ? null : a.histogram().copy();
        return new Aggregate(a.metric(), a.tags(), a.count(), a.sum(), a.min(), a.max(), a.last(), a.passes(), h, a.history());
    }

    /** Every series' totals so far. */
    public synchronized List<Aggregate> totals() {
        return new ArrayList<>(totals.values());
    }

    /** The points of the last hour, oldest first. */
    public synchronized List<Point> history() {
        return List.copyOf(history);
    }
}
