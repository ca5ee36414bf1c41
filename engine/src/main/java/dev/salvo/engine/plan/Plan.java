package dev.salvo.engine.plan;

import dev.salvo.engine.exec.Segment;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.salvo.engine.exec.Executor;
import java.util.ArrayList;
import java.util.LinkedHashMap;


/** A resolved, validated test plan: what {@code salvo run} will do. */
public record Plan(List<Scenario> scenarios, Isolation isolation, boolean discardResponseBodies, String userAgent,
                   Duration setupTimeout, Duration teardownTimeout, Map<String, String> tags, JsonNode thresholds,
                   List<String> warnings, ClientOptions client) {

    public Plan {
        client = client == null ? ClientOptions.DEFAULT : client;
    }

    /** A plan with the default HTTP client options. */
    public Plan(List<Scenario> scenarios, Isolation isolation, boolean discardResponseBodies, String userAgent,
                Duration setupTimeout, Duration teardownTimeout, Map<String, String> tags, JsonNode thresholds,
                List<String> warnings) {
        this(scenarios, isolation, discardResponseBodies, userAgent, setupTimeout, teardownTimeout, tags, thresholds,
                warnings, ClientOptions.DEFAULT);
    }

    /** This plan with other HTTP client options (the tlsAuth files read). */
    public Plan withClient(ClientOptions other) {
        return new Plan(scenarios, isolation, discardResponseBodies, userAgent, setupTimeout, teardownTimeout, tags,
                thresholds, warnings, other);
    }

    /** This plan with more tags on every sample (the command line's {@code --tag K=V}). */
    public Plan withTags(Map<String, String> more) {
        if (more.isEmpty()) return this;
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.putAll(more);
        return new Plan(scenarios, isolation, discardResponseBodies, userAgent, setupTimeout, teardownTimeout,
                Map.copyOf(all), thresholds, warnings, client);
    }

    /**
     * Slice {@code segment} of every scenario ({@code salvo run --segment}); a scenario whose slice
     * has no work is left out, with a warning.
     */
    public Plan segment(Segment segment) {
        if (segment.whole()) return this;
        List<Scenario> sliced = new ArrayList<>();
        List<String> notes = new ArrayList<>(warnings);
        for (Scenario s : scenarios) {
            Executor e = s.executor().segment(segment);
            if (e == null) notes.add("segment " + segment + " has no work in scenario '" + s.name() + "': its whole load is smaller than "
                    + segment.count() + " segments; the other segments run it");
            else sliced.add(new Scenario(s.name(), e, s.startTime(), s.exec(), s.env(), s.tags()));
        }
        return new Plan(List.copyOf(sliced), isolation, discardResponseBodies, userAgent, setupTimeout, teardownTimeout,
                tags, thresholds, List.copyOf(notes), client);
    }

    /** This plan with every executor in its live form, whose load can change while it runs (the web UI). */
    public Plan live() {
        List<Scenario> live = scenarios.stream()
                .map(s -> new Scenario(s.name(), s.executor().live(), s.startTime(), s.exec(), s.env(), s.tags())).toList();
        return new Plan(live, isolation, discardResponseBodies, userAgent, setupTimeout, teardownTimeout, tags, thresholds, warnings, client);
    }

    /** The VU ids the segments before {@code segment} can use, so that ids stay unique across segments. */
    public int vuIdOffset(Segment segment) {
        int offset = 0;
        for (int i = 0; i < segment.index(); i++) offset += segment(segment.at(i)).vuCapacity();
        return offset;
    }

    /** The most VUs this plan can create, arrival-rate executors grown to maxVUs included. */
    public int vuCapacity() {
        return scenarios.stream().mapToInt(s -> s.executor().vuCapacity()).sum();
    }

    public int maxVus() {
        return scenarios.stream().mapToInt(s -> s.executor().maxVus()).sum();
    }

    /** When the last scenario is planned to end: the longest run without the graceful stop after it. */
    public Duration plannedDuration() {
        return scenarios.stream().map(s -> s.startTime().plus(s.executor().maxRunTime()).minus(s.executor().gracefulStop()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public Duration maxDuration() {
        return scenarios.stream().map(s -> s.startTime().plus(s.executor().maxRunTime()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
