package dev.salvo.dsl.cli;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.run.Run;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A plain status line every few seconds while a run goes on. */
final class Progress implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salvo-progress");
        t.setDaemon(true);
        return t;
    });
    private final long start = System.nanoTime();

    Progress(Run run, PrintStream err) {
        long every = System.console() != null ? 2 : 10;
        timer.scheduleAtFixedRate(() -> {
            double reqs = 0, failed = 0;
            long vus = 0;
            for (Aggregate a : run.metrics().aggregates()) {
                switch (a.metric().name()) {
                    case "http_reqs" -> reqs += a.sum();
                    case "http_req_failed" -> failed += a.passes();
                    case "vus" -> vus = (long) a.last();
                    default -> { }
                }
            }
            long s = (System.nanoTime() - start) / 1_000_000_000L;
            err.printf("  [%4ds] vus=%d reqs=%.0f (%.0f/s) failed=%.0f%n", s, vus, reqs, s == 0 ? 0 : reqs / s, failed);
        }, every, every, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
