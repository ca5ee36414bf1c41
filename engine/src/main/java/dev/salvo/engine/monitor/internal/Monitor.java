package dev.salvo.engine.monitor.internal;

import java.time.Duration;

/** One declared monitor: sampled every {@link #every()} on the monitor thread, never on a VU's event loop. */
public interface Monitor {
    Duration every();

    /** Takes one sample into the metrics; reports problems through its {@link Reporter}, never throws. */
    void sample();

    /** @return false once the monitor has nothing more to sample (its process exited) */
    default boolean alive() {
        return true;
    }

    /** Where a monitor's problems go: each distinct message once. */
    @FunctionalInterface
    interface Reporter {
        void warn(String message);
    }
}
