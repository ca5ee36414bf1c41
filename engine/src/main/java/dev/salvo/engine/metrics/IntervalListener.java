package dev.salvo.engine.metrics;

/** Receives each sampler period, on the sampler thread (and once more on the caller's at the end of a run). */
@FunctionalInterface
public interface IntervalListener {
    void onInterval(Interval interval);
}
