package dev.salvo.engine.exec;

import java.time.Duration;

/**
 * The load of a scenario under way, changed from now on by a new stage of its executor (the web UI's
 * {@code POST /api/load}): VUs for closed models ({@code ramping-vus}, and {@code constant-vus} run
 * live), iterations per {@code timeUnit} for the arrival-rate executors; and its end. Safe from any thread.
 */
public interface LiveLoad {
    /** {@code "vus"} or {@code "rate"}. */
    String unit();

    /** The target at this moment. */
    double target();

    /** From now on: to {@code target} over {@code ramp} (zero jumps; capped at the time left), then held to the end. */
    void retarget(double target, Duration ramp);

    /** When the schedule ends, in nanoseconds from the scenario's start (its graceful stop comes after). */
    long endNanos();

    /**
     * Moves the schedule's end to {@code endNanos} from the scenario's start, which must be later than now:
     * the target in force is held longer, or the stages are cut there; the graceful stop follows the new end.
     */
    void endAt(long endNanos);
}
