package dev.salvo.engine.metrics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one thread that reads interval histograms (and any gauges to poll) once a period. */
public final class Sampler implements AutoCloseable {
    private final ScheduledExecutorService thread;

    public Sampler(Metrics metrics, long periodMillis, Runnable eachTick) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-sampler");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(() -> {
            eachTick.run();
            metrics.sample();
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
