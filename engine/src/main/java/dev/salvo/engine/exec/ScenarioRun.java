package dev.salvo.engine.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** What a running scenario offers its executor: initialised VUs, iteration loops, a clock. */
public interface ScenarioRun {
    String name();

    /** The scenario's VUs, initialised before {@link Executor#start}; {@link Executor#maxVus()} of them. */
    List<VirtualUser> vus();

    /**
     * Runs iterations of {@code vu} one after another, on its worker, while {@code more} holds when an
     * iteration is about to start. The future completes once the last iteration has ended.
     */
    CompletableFuture<Void> loop(VirtualUser vu, BooleanSupplier more);

    /**
     * Completes when {@code vusDone} does, or at {@code hardStop} after the scenario's start, whichever
     * comes first; in the second case iterations still running are interrupted and counted as such.
     */
    default CompletableFuture<Void> endBy(CompletableFuture<Void> vusDone, Duration hardStop) {
        long nanos = hardStop.toNanos();
        return endBy(vusDone, () -> nanos);
    }

    /** {@link #endBy(CompletableFuture, Duration)} with a hard stop that may move while the scenario runs (a live load's end). */
    CompletableFuture<Void> endBy(CompletableFuture<Void> vusDone, LongSupplier hardStopNanos);

    /**
     * Loops every VU of the scenario while {@code more.apply(vu)} holds, ending them all at
     * {@code hardStop} at the latest: the whole schedule of a closed-model executor.
     */
    default CompletableFuture<Void> loopEach(Function<VirtualUser, BooleanSupplier> more, Duration hardStop) {
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (VirtualUser vu : vus()) loops.add(loop(vu, more.apply(vu)));
        return endBy(CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)), hardStop);
    }

    /** Nanoseconds since the scenario started. */
    long elapsedNanos();

    /** True once the whole run is being stopped (Ctrl-C, SIGTERM, abort): start nothing new. */
    boolean stopping();

    /**
     * Creates, initialises and adds one more VU to the scenario during the run (open models growing
     * towards {@code maxVUs}); completes with it on its worker, or exceptionally when its code fails to load.
     */
    CompletableFuture<VirtualUser> addVu();

    /**
     * Runs one iteration of an idle {@code vu} on its worker now. {@code intendedStartNanos} (on the
     * {@link #elapsedNanos()} clock) is when the schedule wanted it to start: HTTP latencies of the
     * iteration are corrected by the lag. Completes when the iteration ends or is interrupted.
     */
    CompletableFuture<Void> iterateOnce(VirtualUser vu, long intendedStartNanos);

    /** Interrupts {@code vu}'s running iteration, if any, counting it as interrupted; its loop ends. */
    void interrupt(VirtualUser vu);

    /** Counts one iteration that was due but found no free VU ({@code dropped_iterations}). */
    void dropIteration();

    /** The executor's schedule offers its load to change while it runs (the web UI); the last one offered counts. */
    default void live(LiveLoad load) {}

    /** Runs {@code task} on the run's clock thread after {@code delayNanos}. */
    void schedule(Runnable task, long delayNanos);
}
