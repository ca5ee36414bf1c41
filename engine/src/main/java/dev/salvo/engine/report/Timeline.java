package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.thresholds.Threshold;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run over time for the charts of report.html: per bucket of seconds, the whole run's VUs,
 * requests, failures and latency percentiles, the same per request, and each shown metric. It holds
 * at most {@value #MAX_POINTS} buckets: when full, neighbouring buckets merge (the bucket doubles
 * its width), so an 8-hour run keeps 1,000-2,000 points per series and the memory stays flat. Counts
 * add up; percentiles, maxima and gauges keep the worst second of the bucket, so a spike is never
 * averaged away. Never holds a histogram beyond the current second.
 */
public final class Timeline implements IntervalListener {
    public static final int MAX_POINTS = 2000;
    /**
     * Requests charted one by one: a script that names requests by unique URLs would otherwise
     * hold some 100 kB per name (the console warns of such runs); the rest count in the totals.
     */
    static final int MAX_REQUESTS = 100;
    /** Metrics with their own chart elsewhere (requests, VUs, checks) or recorded only at the end. */
    private static final Set<String> NOT_CHARTED = Set.of("http_reqs", "http_req_duration", "http_req_failed", "http_req_blocked",
            "http_req_connecting", "http_req_tls_handshaking", "http_req_sending", "http_req_waiting", "http_req_receiving",
            "http_req_service_time", "vus", "vus_max", "checks", "salvo_cpu_seconds", "salvo_jit_seconds",
            "salvo_js_compilations", "salvo_js_compile_failures", "salvo_js_runtime");
    /** The series of the whole run. */
    public static final String RUN = "";

    /** How the seconds of a bucket combine: counts add up, the rest keeps the highest. */
    enum Merge { SUM, MAX }

    /** One series' field, e.g. ("GET /items", "p95") or ("item_latency", "max"). */
    record Key(String series, String field) {}

    private static final class Column {
        final Merge merge;
        final double[] values = new double[MAX_POINTS];

        Column(Merge merge) {
            this.merge = merge;
            Arrays.fill(values, Double.NaN);
        }

        void add(int i, double v) {
            if (Double.isNaN(v)) return;
            double o = values[i];
            values[i] = Double.isNaN(o) ? v : merge == Merge.SUM ? o + v : Math.max(o, v);
        }
    }

    private final Map<Key, Column> columns = new LinkedHashMap<>();
    private final Map<String, MetricType> metricTypes = new LinkedHashMap<>();
    private final long[] ends = new long[MAX_POINTS];
    private final double[] seconds = new double[MAX_POINTS];
    private final Map<String, RequestStats> scratch = new HashMap<>();
    private final ThresholdTimes thresholds = new ThresholdTimes();
    private final Set<String> requests = new java.util.HashSet<>();
    private final RequestStats overflow = new RequestStats();
    private int size;
    private int width = 1;
    private int filled;
    private long vus;

    /** Also notes, every 2 s of the run, which thresholds fail (see {@link #firstFailures}). */
    public synchronized void watch(List<Threshold> list) {
        thresholds.watch(list);
    }

    @Override
    public synchronized void onInterval(Interval interval) {
        if (size == 0 || filled == width) {
            if (size == MAX_POINTS) halve();
            size++;
            filled = 0;
        }
        int i = size - 1;
        filled++;
        ends[i] = interval.endMillis();
        seconds[i] += interval.seconds();
        scratch.values().forEach(RequestStats::reset);
        overflow.reset();
        double reqs = 0, checksFailed = 0;
        Map<String, double[]> counts = new LinkedHashMap<>();
        for (Aggregate a : interval.series()) {
            String name = a.metric().name();
            switch (name) {
                case "http_req_duration" -> {
                    if (a.count() == 0) break;
                    stats(RUN).add(a);
                    request(a).add(a);
                }
                case "ws_connecting" -> {
                    if (a.count() > 0) request(a).add(a);
                }
                case "http_reqs" -> reqs += a.sum();
                case "http_req_failed" -> failed(a, a.passes());
                case "ws_errors" -> failed(a, (long) a.sum());
                case "checks" -> checksFailed += a.count() - a.passes();
                case "vus" -> vus = (long) a.last();
                default -> { }
            }
            if (NOT_CHARTED.contains(name) || a.count() == 0) continue;
            metricTypes.putIfAbsent(name, a.metric().type());
            switch (a.metric().type()) {
                case TREND -> stats("m:" + name).add(a);
                case COUNTER -> counts.computeIfAbsent(name, k -> new double[2])[0] += a.sum();
                case RATE -> {
                    double[] c = counts.computeIfAbsent(name, k -> new double[2]);
                    c[0] += a.passes();
                    c[1] += a.count();
                }
                case GAUGE -> add(i, name, "value", Merge.MAX, a.last());
            }
        }
        add(i, RUN, "vus", Merge.MAX, vus);
        add(i, RUN, "reqs", Merge.SUM, reqs);
        add(i, RUN, "checksFailed", Merge.SUM, checksFailed);
        counts.forEach((name, c) -> {
            add(i, name, metricTypes.get(name) == MetricType.RATE ? "passes" : "sum", Merge.SUM, c[0]);
            if (metricTypes.get(name) == MetricType.RATE) add(i, name, "count", Merge.SUM, c[1]);
        });
        scratch.forEach((series, st) -> {
            boolean metric = series.startsWith("m:");
            String s = metric ? series.substring(2) : series;
            if (!metric) add(i, s, "failed", Merge.SUM, st.failures);
            if (st.count() == 0) return; // no sample this second: a gap in the chart, not a zero latency
            add(i, s, "count", Merge.SUM, st.count());
            add(i, s, "p50", Merge.MAX, st.percentile(50));
            add(i, s, "p95", Merge.MAX, st.percentile(95));
            add(i, s, "p99", Merge.MAX, st.percentile(99));
            add(i, s, "max", Merge.MAX, st.max());
        });
        thresholds.onInterval(interval);
    }

    private void failed(Aggregate a, long n) {
        request(a).failures += n;
        stats(RUN).failures += n;
    }

    /** The stats of a's request this second; a throwaway beyond {@value #MAX_REQUESTS} requests. */
    private RequestStats request(Aggregate a) {
        String label = label(a);
        if (requests.size() >= MAX_REQUESTS && !requests.contains(label)) return overflow;
        requests.add(label);
        return stats(label);
    }

    private RequestStats stats(String series) {
        return scratch.computeIfAbsent(series, k -> new RequestStats());
    }

    /** The series name of a request: "GET /items" (WebSockets "WS chat"). */
    static String label(Aggregate a) {
        RequestKey k = RequestKey.of(a);
        return label(k.method(), k.name());
    }

    static String label(String method, String name) {
        return method + " " + name;
    }

    private void add(int i, String series, String field, Merge merge, double v) {
        columns.computeIfAbsent(new Key(series, field), k -> new Column(merge)).add(i, v);
    }

    /** Merges buckets 2k and 2k+1 into k: the series keep half the points, each twice as wide. */
    private void halve() {
        for (int k = 0; k < size / 2; k++) {
            ends[k] = ends[2 * k + 1];
            seconds[k] = seconds[2 * k] + seconds[2 * k + 1];
            for (Column c : columns.values()) {
                double a = c.values[2 * k], b = c.values[2 * k + 1];
                c.values[k] = Double.NaN;
                c.add(k, a);
                c.add(k, b);
            }
        }
        size /= 2;
        for (Column c : columns.values()) Arrays.fill(c.values, size, MAX_POINTS, Double.NaN);
        Arrays.fill(seconds, size, MAX_POINTS, 0);
        width *= 2;
    }

    /** The buckets' end times, epoch ms. */
    public synchronized long[] ends() {
        return Arrays.copyOf(ends, size);
    }

    /** The seconds each bucket spans (1 until the run outgrows {@value #MAX_POINTS} seconds). */
    public synchronized double[] seconds() {
        return Arrays.copyOf(seconds, size);
    }

    /** One field of one series per bucket, NaN where it had no sample; null when it never had one. */
    public synchronized double[] values(String series, String field) {
        Column c = columns.get(new Key(series, field));
        return c == null ? null : Arrays.copyOf(c.values, size);
    }

    /** The charted metrics seen, with their types, in the order they first appeared. */
    public synchronized Map<String, MetricType> metrics() {
        return new LinkedHashMap<>(metricTypes);
    }

    /** Each threshold (by label) that failed at one of the 2-second checks: the run's second it first did. */
    public synchronized Map<String, Double> firstFailures() {
        return thresholds.firstFailures();
    }
}
