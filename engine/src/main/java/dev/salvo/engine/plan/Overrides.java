package dev.salvo.engine.plan;

import java.time.Duration;

/** Command-line values that replace the script's options; null means "not given". */
public record Overrides(Integer vus, Duration duration, Integer iterations) {
    public static final Overrides NONE = new Overrides(null, null, null);

    public boolean any() {
        return vus != null || duration != null || iterations != null;
    }
}
