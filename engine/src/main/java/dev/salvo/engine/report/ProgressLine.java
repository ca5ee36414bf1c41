package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live status line: elapsed / total, per-scenario VUs with a bar, requests/s, p95 and error %
 * of the last second, total requests, thresholds failing now. Fed by the sampler each second.
 */
public final class ProgressLine implements IntervalListener {
    private final RequestStats last = new RequestStats();
    private volatile String latest = "";
    private long requests;
    private long failures;

    @Override
    public synchronized void onInterval(Interval interval) {
        last.reset();
        double reqs = 0;
        for (Aggregate a : interval.series()) {
            switch (a.metric().name()) {
                case "http_req_duration" -> {
                    if (a.count() > 0) last.add(a);
                }
                case "http_req_failed" -> last.failures += a.passes();
                case "http_reqs" -> reqs += a.sum();
                default -> { }
            }
        }
        requests += (long) reqs;
        failures += last.failures;
        long n = last.count();
        latest = String.format(Locale.ROOT, "%.0f req/s  p95=%s  errors=%.1f%%", reqs / interval.seconds(),
                n == 0 ? "-" : Human.ms(last.percentile(95)) + "ms", n == 0 ? 0.0 : 100.0 * last.failures / n);
    }

    /**
     * The line for logs (not a terminal). It starts as salvo's first progress lines did
     * ({@code [  10s] vus=N reqs=N failed=N}: bench scripts parse it), then the time and the live
     * numbers, with one rate: the last second's.
     */
    public synchronized String plain(Duration elapsed, Duration planned, Duration grace, Map<String, Integer> vus,
                                     Map<String, Integer> maxVus, List<String> failing) {
        int active = vus.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(Locale.ROOT, "[%4ds] vus=%d reqs=%d failed=%d | %s", elapsed.toSeconds(), active, requests, failures,
                status(elapsed, planned, grace, vus, maxVus, failing, false));
    }

    /**
     * One status line. {@code planned} is the run's planned length, {@code grace} the graceful stop VUs
     * may take after it (shown once the planned end has passed); {@code vus} and {@code maxVus} are per
     * scenario; {@code failing} names the thresholds that fail now (empty when all hold or none are set).
     */
    public synchronized String line(Duration elapsed, Duration planned, Duration grace, Map<String, Integer> vus,
                                    Map<String, Integer> maxVus, List<String> failing) {
        return status(elapsed, planned, grace, vus, maxVus, failing, true);
    }

    private String status(Duration elapsed, Duration planned, Duration grace, Map<String, Integer> vus, Map<String, Integer> maxVus,
                          List<String> failing, boolean terminal) {
        StringBuilder b = new StringBuilder();
        b.append('[').append(Durations.format(elapsed.withNanos(0))).append(" / ").append(Durations.format(planned));
        if (elapsed.compareTo(planned) > 0 && !grace.isZero()) b.append(", stopping: up to ").append(Durations.format(grace)).append(" more");
        b.append("] ");
        double done = planned.isZero() ? 0 : Math.min(1, (double) elapsed.toMillis() / planned.toMillis());
        if (terminal) b.append(bar(done)).append(' ');
        vus.forEach((name, n) -> {
            int max = maxVus.getOrDefault(name, n);
            b.append(name).append(' ').append(n).append('/').append(max).append(max == 1 ? " VU  " : " VUs  ");
        });
        b.append(latest);
        if (terminal) b.append("  reqs=").append(requests);
        if (!failing.isEmpty()) b.append("  ✗ ").append(String.join(", ", failing));
        return b.toString();
    }

    static String bar(double fraction) {
        int width = 20;
        int full = (int) Math.round(fraction * width);
        return "[" + "=".repeat(full) + " ".repeat(width - full) + "]";
    }
}
