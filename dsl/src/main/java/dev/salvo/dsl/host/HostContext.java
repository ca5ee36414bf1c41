package dev.salvo.dsl.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.monitor.Monitors;

import java.util.Map;
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

    /**
     * The environment of a scenario's VUs: the run's with the scenario's {@code env} over it, as k6 merges
     * {@code options.scenarios.NAME.env} into {@code __ENV}.
     */
    public String envJson(Map<String, String> scenarioEnv) {
        if (scenarioEnv.isEmpty()) return envJson;
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode env = (ObjectNode) json.readTree(envJson);
            scenarioEnv.forEach(env::put);
            return json.writeValueAsString(env);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the run's environment is not a JSON object", e);
        }
    }
}
