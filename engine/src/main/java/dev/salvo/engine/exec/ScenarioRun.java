package dev.salvo.engine.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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
    CompletableFuture<Void> endBy(CompletableFuture<Void> vusDone, Duration hardStop);

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
}
