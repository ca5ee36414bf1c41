package dev.salvo.engine.plan;

import dev.salvo.engine.config.Durations;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --print-plan}: every scenario's executor and parameters, and which layer each value came from. */
public final class PlanPrinter {
    /** The option that sets each parameter of the {@code default} scenario made from shortcuts. */
    private static final Map<String, List<String>> SHORTCUT_SOURCES = Map.of(
            "vus", List.of("vus"), "duration", List.of("duration"), "iterations", List.of("iterations"),
            "maxDuration", List.of("duration"), "startVUs", List.of("vus"), "stages", List.of("stages"),
            "gracefulStop", List.of("gracefulStop"));

    private PlanPrinter() {}

    public static String render(Plan plan, OptionLayers.Resolved resolved) {
        StringBuilder b = new StringBuilder();
        b.append("plan").append(resolved.profile() == null ? "" : " (profile " + resolved.profile() + ")").append(":\n");
        for (Scenario s : plan.scenarios()) {
            boolean declared = resolved.options().path("scenarios").has(s.name()) && !resolved.overrides().any();
            b.append("  scenario ").append(s.name()).append('\n');
            row(b, "executor", s.executor().type(), declared ? resolved.sourceOf("scenarios." + s.name() + ".executor")
                    : shortcutSource(s.executor().type(), resolved));
            for (Map.Entry<String, Object> p : s.executor().parameters().entrySet()) {
                String source = declared ? resolved.sourceOf("scenarios." + s.name() + "." + p.getKey())
                        : paramSource(p.getKey(), s.executor().type(), resolved);
                row(b, p.getKey(), String.valueOf(p.getValue()), source);
            }
            String prefix = "scenarios." + s.name() + ".";
            row(b, "startTime", Durations.format(s.startTime()), declared ? resolved.sourceOf(prefix + "startTime") : OptionLayers.DEFAULT);
            row(b, "exec", s.exec(), declared ? resolved.sourceOf(prefix + "exec") : OptionLayers.DEFAULT);
            if (!s.tags().isEmpty()) row(b, "tags", s.tags().toString(), resolved.sourceOf(prefix + "tags"));
            if (!s.env().isEmpty()) row(b, "env", s.env().toString(), resolved.sourceOf(prefix + "env"));
        }
        if (plan.thresholds() != null && plan.thresholds().isObject() && !plan.thresholds().isEmpty()) {
            b.append("  thresholds\n");
            plan.thresholds().fieldNames().forEachRemaining(k ->
                    row(b, k, plan.thresholds().get(k).toString(), resolved.sourceOf("thresholds." + k)));
        }
        return b.toString();
    }

    private static String shortcutSource(String type, OptionLayers.Resolved r) {
        Set<String> from = new LinkedHashSet<>();
        for (String k : List.of("vus", "duration", "iterations", "stages", "spawnRate")) {
            String s = r.sources().get(k);
            if (s != null) from.add(s);
        }
        return from.isEmpty() ? OptionLayers.DEFAULT : String.join(", ", from);
    }

    private static String paramSource(String param, String type, OptionLayers.Resolved r) {
        if ("stages".equals(param) && r.overrides().spawnRate() != null) {
            Set<String> from = new LinkedHashSet<>();
            for (String k : List.of("vus", "spawnRate", "duration")) if (r.sources().containsKey(k)) from.add(r.sources().get(k));
            return String.join(", ", from) + " (users, spawn rate, run time)";
        }
        for (String option : SHORTCUT_SOURCES.getOrDefault(param, List.of())) {
            String s = r.sources().get(option);
            if (s != null) return s;
        }
        return OptionLayers.DEFAULT;
    }

    private static void row(StringBuilder b, String key, String value, String source) {
        b.append(String.format("    %-18s %-40s %s%n", key, value, source));
    }
}
