package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.plan.Durations;

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
        long n = last.count();
        latest = String.format(Locale.ROOT, "%.0f req/s  p95=%s  errors=%.1f%%  reqs=%d", reqs / interval.seconds(),
                n == 0 ? "-" : Human.ms(last.percentile(95)) + "ms", n == 0 ? 0.0 : 100.0 * last.failures / n, requests);
    }

    /**
     * One status line. {@code vus} and {@code maxVus} are per scenario; {@code failing} names the
     * thresholds that fail now (empty when all hold or none are set).
     */
    public String line(Duration elapsed, Duration total, Map<String, Integer> vus, Map<String, Integer> maxVus, List<String> failing) {
        StringBuilder b = new StringBuilder();
        b.append('[').append(Durations.format(elapsed.withNanos(0))).append(" / ").append(Durations.format(total)).append("] ");
        double done = total.isZero() ? 0 : Math.min(1, (double) elapsed.toMillis() / total.toMillis());
        b.append(bar(done)).append(' ');
        vus.forEach((name, n) -> b.append(name).append(' ').append(n).append('/').append(maxVus.getOrDefault(name, n)).append(" VUs  "));
        b.append(latest);
        if (!failing.isEmpty()) b.append("  ✗ ").append(String.join(", ", failing));
        return b.toString();
    }

    static String bar(double fraction) {
        int width = 20;
        int full = (int) Math.round(fraction * width);
        return "[" + "=".repeat(full) + " ".repeat(width - full) + "]";
    }
}
