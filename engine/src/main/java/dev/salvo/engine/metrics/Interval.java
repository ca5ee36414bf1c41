package dev.salvo.engine.metrics;

import java.util.List;

/**
 * One sampler period: every series' samples between {@code startMillis} and {@code endMillis}
 * (epoch ms). Trend histograms are recycled by the next period: copy what must outlive the callback.
 */
public record Interval(long startMillis, long endMillis, List<Aggregate> series) {
    public double seconds() {
        return Math.max(1e-3, (endMillis - startMillis) / 1000.0);
    }
}
