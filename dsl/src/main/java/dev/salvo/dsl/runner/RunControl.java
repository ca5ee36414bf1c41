package dev.salvo.dsl.runner;

import dev.salvo.engine.run.Run;
import dev.salvo.engine.thresholds.Verdict;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How a run is being ended early, from any thread: the script's {@code abort()}, a threshold
 * with {@code abortOnFail}, a worker out of memory, or a signal (in any phase: {@link #interruption}
 * ends a setup() or teardown() that is still running). The first reason wins.
 */
final class RunControl {
    private volatile Run run;
    private volatile String aborted;
    private volatile Verdict thresholdAbort;
    private volatile boolean capped;
    /** Why a user stopped the run on purpose (the web UI's stop, Ctrl-C at the REPL's {@code .run}); null if none did. */
    private volatile String stoppedBy;
    private volatile boolean interrupted;
    private volatile String outOfMemory;
    private volatile String fleetStop;
    private volatile int fleetStopCode;
    private final CompletableFuture<Void> interruption = new CompletableFuture<>();

    void attach(Run run) {
        this.run = run;
        if (aborted != null || thresholdAbort != null || interrupted || outOfMemory != null || stoppedBy != null || fleetStop != null) run.stop();
    }

    void abort(String message) {
        if (aborted == null && thresholdAbort == null) aborted = message;
        stop();
    }

    /** Ctrl-C or SIGTERM, in any phase. */
    void interrupt() {
        interrupted = true;
        interruption.complete(null);
        stop();
    }

    /** Completes on Ctrl-C or SIGTERM. */
    CompletableFuture<Void> interruption() {
        return interruption;
    }

    /** A worker ran out of memory: the run stops; its results are still written. */
    void outOfMemory(String what) {
        if (outOfMemory == null) outOfMemory = what;
        stop();
    }

    String outOfMemory() {
        return outOfMemory;
    }

    boolean interrupted() {
        return interrupted;
    }

    void thresholdFailed(Verdict v) {
        if (aborted == null && thresholdAbort == null) thresholdAbort = v;
        stop();
    }

    /** The coordinator stopped the fleet (an abortOnFail threshold over the whole: 99; it was interrupted: 130). */
    void fleetStop(String reason, int code) {
        if (fleetStop == null) {
            fleetStopCode = code;
            fleetStop = reason;
        }
        stop();
    }

    String fleetStop() {
        return fleetStop;
    }

    int fleetStopCode() {
        return fleetStopCode;
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

    /** A user's stop ({@code why}: "stopped from the web UI"): the run ends now and counts as ended, not interrupted. */
    void stopOnRequest(String why) {
        Run r = run;
        if (interrupted || (r != null && r.stopping())) return;
        stoppedBy = why;
        if (r != null) r.stop(); // else attach() stops the run it is given
    }

    String stoppedBy() {
        return stoppedBy;
    }

    /** Ended early on purpose (--max-duration, a user's stop): not an interruption. */
    boolean endedOnPurpose() {
        return capped || stoppedBy != null;
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
