package dev.salvo.engine.plan;

import dev.salvo.engine.config.Suggest;
import dev.salvo.engine.exec.Executor;
import dev.salvo.engine.exec.Segment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --scenario NAME[,NAME…]} (k6's flag): only the named scenarios of a plan run. A name that is
 * no scenario but a function the script exports (a {@code user()} of a Locust-style script) is a
 * user: the plan's one {@code default} scenario is then split among the named users, as
 * {@code --segment} splits it, each slice running its own function.
 */
public final class ScenarioSelection {
    /** Exports that are hooks, never users. */
    private static final Set<String> HOOKS = Set.of("setup", "teardown", "handleSummary", "options");

    private ScenarioSelection() {}

    /**
     * @param names     the names asked for; empty keeps the plan as it is
     * @param functions the functions the script exports
     * @throws ConfigException for an empty or unknown name (listing the known ones), or users that the load cannot share
     */
    public static Plan select(Plan plan, List<String> names, Set<String> functions) throws ConfigException {
        if (names.isEmpty()) return plan;
        Set<String> scenarios = new LinkedHashSet<>();
        plan.scenarios().forEach(s -> scenarios.add(s.name()));
        Set<String> users = new TreeSet<>(functions);
        users.removeAll(HOOKS);
        boolean splittable = plan.scenarios().size() == 1 && plan.scenarios().get(0).name().equals("default");
        List<String> problems = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        boolean anyUser = false;
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                problems.add("--scenario: an empty name in '" + String.join(",", names) + "'");
            } else if (scenarios.contains(name)) {
                wanted.add(name);
            } else if (splittable && users.contains(name)) {
                wanted.add(name);
                anyUser = true;
            } else {
                problems.add(unknown(name, scenarios, splittable ? users : Set.of()));
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        if (anyUser) return split(plan, List.copyOf(wanted));
        List<Scenario> kept = plan.scenarios().stream().filter(s -> wanted.contains(s.name())).toList();
        return withScenarios(plan, kept);
    }

    /** The default scenario cut into one slice per user, each running that user's function. */
    private static Plan split(Plan plan, List<String> users) throws ConfigException {
        Scenario whole = plan.scenarios().get(0);
        List<Scenario> parts = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            Executor slice = whole.executor().segment(new Segment(i, users.size()));
            if (slice == null) {
                throw new ConfigException(List.of("--scenario " + String.join(",", users) + ": the load (" + whole.executor().maxVus()
                        + " VUs) is too small to give each of " + users.size() + " users a share; raise --users"));
            }
            parts.add(new Scenario(users.get(i), slice, whole.startTime(), users.get(i), whole.env(), whole.tags()));
        }
        return withScenarios(plan, parts);
    }

    private static String unknown(String name, Set<String> scenarios, Set<String> users) {
        Set<String> known = new TreeSet<>(scenarios);
        known.addAll(users);
        String hint = Suggest.closest(name, known);
        return "--scenario: unknown scenario '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + "; scenarios: " + String.join(", ", scenarios)
                + (users.isEmpty() ? "" : "; users (exported functions): " + String.join(", ", users));
    }

    private static Plan withScenarios(Plan p, List<Scenario> scenarios) {
        return new Plan(List.copyOf(scenarios), p.isolation(), p.discardResponseBodies(), p.userAgent(), p.setupTimeout(),
                p.teardownTimeout(), p.tags(), p.thresholds(), p.warnings(), p.client());
    }
}
