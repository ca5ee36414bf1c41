package dev.salvo.dsl.host;

import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.monitor.Monitors;

import java.util.function.Consumer;

/**
 * What every context's {@link Host} of one run shares: the environment, the metrics, where
 * script errors go, how {@code abort()} stops the run, and the monitors the script declares.
 */
public record HostContext(String envJson, boolean discardBodies, Metrics metrics, Consumer<String> errors,
                          Consumer<String> abort, Monitors monitors) {

    public HostContext(String envJson, boolean discardBodies, Metrics metrics, Consumer<String> errors, Consumer<String> abort) {
        this(envJson, discardBodies, metrics, errors, abort, new Monitors(metrics));
    }
}
