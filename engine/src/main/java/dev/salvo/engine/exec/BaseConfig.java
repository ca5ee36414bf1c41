package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;

import java.time.Duration;

/**
 * What the executors' configs share, as k6's BaseConfig: {@code gracefulStop} with its default,
 * and the VU pool ({@code preAllocatedVUs}, {@code maxVUs}) of the arrival-rate executors.
 */
public final class BaseConfig {
    /** k6's default for {@code gracefulStop} and {@code gracefulRampDown}. */
    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);

    private BaseConfig() {}

    static Duration gracefulStop(ConfigReader c) {
        return c.duration("gracefulStop", DEFAULT_GRACEFUL_STOP, false);
    }

    /** An arrival-rate executor's VUs: {@code preAllocated} before the start, more up to {@code max} while it runs. */
    record VuPool(int preAllocated, int max) {
        /** {@code maxVUs} defaults to {@code preAllocatedVUs} and may not be below it. */
        static VuPool parse(ConfigReader c) {
            int pre = c.positiveInt("preAllocatedVUs", 1);
            int max = c.positiveInt("maxVUs", pre);
            if (max < pre) c.problems().error(c.path("maxVUs"), "must be >= preAllocatedVUs (" + pre + "), not " + max);
            return new VuPool(pre, Math.max(pre, max));
        }
    }
}
