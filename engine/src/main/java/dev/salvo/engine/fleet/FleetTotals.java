package dev.salvo.engine.fleet;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.GaugeHistory;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's totals so far, summed from the shards' intervals as they come: counters, rates and
 * trend histograms add up in place; a gauge keeps each shard's last value, and the fleet's is
 * their sum for {@code vus}/{@code vus_max} and the latest otherwise (as {@code salvo merge}).
 * One thread only (the coordinator's event loop).
 */
final class FleetTotals {
    private static final class Sum {
        final Metric metric;
        final Tags tags;
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long passes;
        final Histogram histogram;
        final Map<Integer, Double> gaugeByShard = new LinkedHashMap<>();
        double lastGauge;

        Sum(Metric metric, Tags tags) {
            this.metric = metric;
            this.tags = tags;
            histogram = metric.type() == MetricType.TREND ? new Histogram(3) : null;
        }
    }

    private final Map<String, Sum> sums = new LinkedHashMap<>();

    void add(int shard, List<Aggregate> interval) {
        for (Aggregate a : interval) {
            Sum s = sums.computeIfAbsent(a.metric().name() + " " + a.tags(), k -> new Sum(a.metric(), a.tags()));
            s.count += a.count();
            s.min = Math.min(s.min, a.min());
            s.max = Math.max(s.max, a.max());
            switch (a.metric().type()) {
                case GAUGE -> {
                    s.gaugeByShard.put(shard, a.last());
                    s.lastGauge = a.last();
                }
                case TREND -> {
                    s.sum += a.sum();
                    s.histogram.add(a.histogram());
                }
                default -> {
                    s.sum += a.sum();
                    s.passes += a.passes();
                }
            }
        }
    }

    /** The fleet's aggregates, for the thresholds and the progress line; trends share the live histograms: read them at once. */
    List<Aggregate> aggregates() {
        List<Aggregate> out = new ArrayList<>(sums.size());
        for (Sum s : sums.values()) {
            out.add(switch (s.metric.type()) {
                case COUNTER -> Aggregate.counter(s.metric, s.tags, s.count, s.sum);
                case RATE -> Aggregate.rate(s.metric, s.tags, s.count, s.passes);
                case TREND -> Aggregate.trend(s.metric, s.tags, s.count, s.sum, s.min, s.max, s.histogram);
                case GAUGE -> {
                    boolean adds = s.metric.name().equals("vus") || s.metric.name().equals("vus_max");
                    double v = adds ? s.gaugeByShard.values().stream().mapToDouble(Double::doubleValue).sum() : s.lastGauge;
                    yield Aggregate.gauge(s.metric, s.tags, s.count, v, s.min, s.max, GaugeHistory.EMPTY);
                }
            });
        }
        return out;
    }

    /** The fleet's totals of one metric over every tag set, or null when it has no data. */
    Aggregate total(String metric) {
        Aggregate t = null;
        for (Aggregate a : aggregates()) {
            if (!a.metric().name().equals(metric)) continue;
            t = t == null ? a : t.merge(a);
        }
        return t;
    }
}
