package dev.salvo.engine.exec;

import java.time.Duration;

/**
 * The load of a scenario under way, changed from now on by a new stage of its executor (the web UI's
 * {@code POST /api/load}): VUs for closed models ({@code ramping-vus}, and {@code constant-vus} run
 * live), iterations per {@code timeUnit} for the arrival-rate executors. Safe from any thread.
 */
public interface LiveLoad {
    /** {@code "vus"} or {@code "rate"}. */
    String unit();

    /** The target at this moment. */
    double target();

    /** From now on: to {@code target} over {@code ramp} (zero jumps; capped at the time left), then held to the end. */
    void retarget(double target, Duration ramp);
}
