package dev.salvo.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A resolved, validated test plan: what {@code salvo run} will do. */
public record Plan(List<Scenario> scenarios, Isolation isolation, boolean discardResponseBodies, String userAgent,
                   Duration setupTimeout, Duration teardownTimeout, Map<String, String> tags, JsonNode thresholds,
                   List<String> warnings) {

    /** This plan with more tags on every sample (the command line's {@code --tag K=V}). */
    public Plan withTags(Map<String, String> more) {
        if (more.isEmpty()) return this;
        Map<String, String> all = new java.util.LinkedHashMap<>(tags);
        all.putAll(more);
        return new Plan(scenarios, isolation, discardResponseBodies, userAgent, setupTimeout, teardownTimeout,
                Map.copyOf(all), thresholds, warnings);
    }

    public int maxVus() {
        return scenarios.stream().mapToInt(s -> s.executor().maxVus()).sum();
    }

    public Duration maxDuration() {
        return scenarios.stream().map(s -> s.startTime().plus(s.executor().maxRunTime()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
