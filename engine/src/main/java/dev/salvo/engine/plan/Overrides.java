package dev.salvo.engine.plan;

import java.time.Duration;

/**
 * Command-line values that replace the script's options; null means "not given". With
 * {@code spawnRate} ({@code -r}), {@code -u N -t T} is Locust's closed model: ramp to N users at
 * that many per second, hold, stop at T.
 */
public record Overrides(Integer vus, Duration duration, Integer iterations, Double spawnRate) {
    public static final Overrides NONE = new Overrides(null, null, null, null);

    public Overrides(Integer vus, Duration duration, Integer iterations) {
        this(vus, duration, iterations, null);
    }

    public boolean any() {
        return vus != null || duration != null || iterations != null || spawnRate != null;
    }
}
