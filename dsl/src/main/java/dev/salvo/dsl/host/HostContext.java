package dev.salvo.dsl.host;

import dev.salvo.engine.metrics.Metrics;

import java.util.function.Consumer;

/**
 * What every context's {@link Host} of one run shares: the environment, the metrics, where
 * script errors go, and how {@code abort()} stops the run.
 */
public record HostContext(String envJson, boolean discardBodies, Metrics metrics, Consumer<String> errors,
                          Consumer<String> abort) {}
