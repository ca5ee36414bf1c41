package dev.salvo.engine.metrics;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that reads interval histograms (and any gauges to poll) once a period and hands
 * each period to the listeners. {@link #close} publishes the last, partial period, so the sum of
 * the published periods is the run's total.
 */
public final class Sampler implements AutoCloseable {
    private final ScheduledExecutorService thread;
    private final Metrics metrics;
    private final Runnable eachTick;
    private final List<IntervalListener> listeners;
    private long periodStart = System.currentTimeMillis();

    public Sampler(Metrics metrics, long periodMillis, Runnable eachTick) {
        this(metrics, periodMillis, eachTick, List.of());
    }

    public Sampler(Metrics metrics, long periodMillis, Runnable eachTick, List<IntervalListener> listeners) {
        this.metrics = metrics;
        this.eachTick = eachTick;
        this.listeners = List.copyOf(listeners);
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-sampler");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        eachTick.run();
        publish();
    }

    /** Hands the period's intervals to the listeners (or folds them into the totals when there are none). */
    private synchronized void publish() {
        if (listeners.isEmpty()) {
            metrics.sample();
            return;
        }
        long end = System.currentTimeMillis();
        Interval interval = new Interval(periodStart, end, metrics.takeIntervals());
        periodStart = end;
        for (IntervalListener l : listeners) {
            try {
                l.onInterval(interval);
            } catch (RuntimeException e) {
                // one failing output must not stop the sampler or the others; it reports at the end
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The last, partial period: its samples, but no gauge poll: the VUs have stopped by now,
        // and a final "0 VUs" would hide the value the run ended with.
        if (!listeners.isEmpty()) publish();
    }
}
