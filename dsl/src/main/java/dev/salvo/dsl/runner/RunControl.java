package dev.salvo.dsl.runner;

import dev.salvo.engine.run.Run;
import dev.salvo.engine.thresholds.Verdict;

import java.time.Duration;

/**
 * How a run is being ended early, from any thread: the script's {@code abort()}, a threshold
 * with {@code abortOnFail}, or a signal. The first reason wins.
 */
final class RunControl {
    private volatile Run run;
    private volatile String aborted;
    private volatile Verdict thresholdAbort;
    private volatile boolean capped;
    private volatile boolean interrupted;

    void attach(Run run) {
        this.run = run;
        if (aborted != null || thresholdAbort != null || interrupted) run.stop();
    }

    void abort(String message) {
        if (aborted == null && thresholdAbort == null) aborted = message;
        stop();
    }

    /** Ctrl-C or SIGTERM, in any phase. */
    void interrupt() {
        interrupted = true;
        stop();
    }

    boolean interrupted() {
        return interrupted;
    }

    void thresholdFailed(Verdict v) {
        if (aborted == null && thresholdAbort == null) thresholdAbort = v;
        stop();
    }

    /** --max-duration: stops the run after {@code cap} on a daemon timer; the run then counts as ended, not interrupted. */
    void capAfter(Duration cap) {
        Thread.ofPlatform().daemon().name("salvo-max-duration").start(() -> {
            try {
                Thread.sleep(cap);
            } catch (InterruptedException e) {
                return;
            }
            Run r = run;
            if (r != null && !r.stopping()) {
                capped = true;
                r.stop();
            }
        });
    }

    boolean capped() {
        return capped;
    }

    void stop() {
        Run r = run;
        if (r != null) r.stop();
    }

    String aborted() {
        return aborted;
    }

    Verdict thresholdAbort() {
        return thresholdAbort;
    }
}
