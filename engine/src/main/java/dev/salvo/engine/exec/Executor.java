package dev.salvo.engine.exec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A scenario's load model: how many VUs it needs, when their iterations start and when it ends.
 * Each executor type is one file in this package, registered in {@link ExecutorTypes}.
 */
public interface Executor {
    /** The k6 name of the type, e.g. {@code constant-vus}. */
    String type();

    /** VUs to initialise before the scenario starts. */
    int maxVus();

    /** The longest this executor runs, graceful stop included (for progress and time-outs). */
    Duration maxRunTime();

    /** How long VUs may finish their iteration after the planned end, the last part of {@link #maxRunTime()}. */
    Duration gracefulStop();

    /** Schedules the scenario; the future completes when every VU of it has stopped. */
    CompletableFuture<Void> start(ScenarioRun run);

    /**
     * This executor's slice {@code segment} of the work (VUs, iterations, stage targets, rates),
     * so that the slices of every segment add up to the whole; null when the slice has no work.
     */
    Executor segment(Segment segment);

    /** The most VUs this executor can ever create (arrival-rate executors grow to maxVUs); for unique VU ids across segments. */
    default int vuCapacity() {
        return maxVus();
    }

    /** This executor in a form whose load can change while it runs ({@link LiveLoad}); itself when it is one or cannot be. */
    default Executor live() {
        return this;
    }

    /** The resolved parameters, for the plan print-out and the summary. */
    Map<String, Object> parameters();

    /**
     * True for open models (arrival-rate): iterations start on a schedule, so latencies are also
     * measured from the intended start.
     */
    default boolean openModel() {
        return false;
    }
}
