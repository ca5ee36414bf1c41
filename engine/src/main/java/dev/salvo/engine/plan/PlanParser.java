package dev.salvo.engine.plan;

import dev.salvo.engine.config.Problems;
import dev.salvo.engine.config.ConfigReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.exec.BaseConfig;
import dev.salvo.engine.exec.ConstantVus;
import dev.salvo.engine.exec.Executor;
import dev.salvo.engine.exec.ExecutorTypes;
import dev.salvo.engine.exec.RampingVus;
import dev.salvo.engine.exec.SharedIterations;
import dev.salvo.engine.exec.Stages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a script's exported {@code options} (as JSON) and the command line into a {@link Plan}, with
 * k6's rules: the shortcuts {@code vus/duration/iterations} make one {@code default} scenario and
 * replace {@code scenarios} when given on the command line.
 */
public final class PlanParser {
    private static final Set<String> SCENARIO_COMMON = Set.of("executor", "startTime", "exec", "env", "tags", "gracefulStop");
    /** Options of k6 that later versions of salvo will honour; accepted without a warning. */
    private static final Set<String> RESERVED = Set.of("thresholds", "profiles", "summaryTrendStats");

    private PlanParser() {}

    public static Plan parse(JsonNode options, Overrides cli) throws PlanException {
        return parse(options, cli, System.getenv());
    }

    /** {@code env}: where HTTP_PROXY, HTTPS_PROXY and NO_PROXY are looked up. */
    public static Plan parse(JsonNode options, Overrides cli, Map<String, String> env) throws PlanException {
        Problems p = new Problems();
        ObjectNode root = options != null && options.isObject() ? (ObjectNode) options : JsonNodeFactory.instance.objectNode();
        ConfigReader o = new ConfigReader(root, "options", p);

        List<Scenario> scenarios = new ArrayList<>();
        // Read the script's shortcuts even when the command line replaces them: they are valid keys.
        Integer vus = o.has("vus") ? o.positiveInt("vus", 1) : null;
        Duration duration = o.has("duration") ? o.duration("duration", null, true) : null;
        Integer iterations = o.has("iterations") ? o.positiveInt("iterations", 1) : null;
        if (cli.vus() != null) vus = cli.vus();
        if (cli.duration() != null) duration = cli.duration();
        if (cli.iterations() != null) iterations = cli.iterations();
        List<Stages.Stage> stages = o.has("stages") ? Stages.parse(o, "stages", true) : null;
        // Not k6's (there only a scenario has one): the shortcuts' default scenario takes a top-level gracefulStop,
        // so that `duration: '2s', gracefulStop: '0s'` does what it says.
        Duration gracefulStop = o.duration("gracefulStop", BaseConfig.DEFAULT_GRACEFUL_STOP, false);

        ConfigReader declared = o.object("scenarios");
        if (declared != null && !cli.any()) {
            for (String name : declared.keys()) {
                ConfigReader s = declared.object(name);
                if (s != null) addScenario(name, s, scenarios);
            }
            if (declared.keys().isEmpty()) p.error(o.path("scenarios"), "declares no scenario");
            if (o.has("gracefulStop")) p.warning(o.path("gracefulStop"), "ignored: the script declares scenarios (set scenarios.NAME.gracefulStop)");
        } else {
            if (cli.spawnRate() != null) scenarios.add(locust(cli, gracefulStop, p));
            else if (stages != null && !cli.any()) scenarios.add(new Scenario("default", new RampingVus(
                    new Stages(vus == null ? 1 : vus, stages), BaseConfig.DEFAULT_GRACEFUL_STOP, gracefulStop),
                    Duration.ZERO, "default", Map.of(), Map.of()));
            else scenarios.add(shortcut(vus, duration, iterations, gracefulStop, p));
        }

        Isolation isolation = Isolation.VU;
        String iso = o.string("isolation", "vu");
        switch (iso) {
            case "vu" -> isolation = Isolation.VU;
            case "worker" -> isolation = Isolation.WORKER;
            default -> p.error(o.path("isolation"), "must be 'vu' or 'worker', not '" + iso + "'");
        }
        Plan plan = new Plan(List.copyOf(scenarios), isolation, o.bool("discardResponseBodies", false),
                o.string("userAgent", null), o.duration("setupTimeout", Duration.ofSeconds(60), true),
                o.duration("teardownTimeout", Duration.ofSeconds(60), true), Map.copyOf(o.stringMap("tags")),
                o.raw("thresholds"), List.of(), ClientOptionsParser.parse(o, env));
        if (o.has("warmup")) o.duration("warmup", null, false); // validated here, run by the CLI (--warmup)
        o.checkUnknown(RESERVED);
        if (p.hasErrors()) throw new PlanException(p.errors());
        return new Plan(plan.scenarios(), plan.isolation(), plan.discardResponseBodies(), plan.userAgent(),
                plan.setupTimeout(), plan.teardownTimeout(), plan.tags(), plan.thresholds(), p.warnings(), plan.client());
    }

    /** {@code -u N -r R -t T}: Locust's closed model as a ramping-vus scenario. */
    private static Scenario locust(Overrides cli, Duration gracefulStop, Problems p) {
        if (cli.spawnRate() <= 0) p.error("--spawn-rate", "must be > 0, not " + cli.spawnRate());
        if (cli.vus() == null) p.error("--spawn-rate", "needs --users N (how many users to ramp to)");
        if (cli.duration() == null) p.error("--spawn-rate", "needs --run-time T (when the test stops)");
        if (cli.iterations() != null) p.error("--spawn-rate", "cannot be combined with --iterations");
        int users = cli.vus() == null ? 1 : cli.vus();
        double rate = cli.spawnRate() > 0 ? cli.spawnRate() : 1;
        Duration runTime = cli.duration() == null ? Duration.ofSeconds(1) : cli.duration();
        return new Scenario("default", RampingVus.locust(users, rate, runTime, gracefulStop), Duration.ZERO, "default", Map.of(), Map.of());
    }

    private static Scenario shortcut(Integer vus, Duration duration, Integer iterations, Duration gracefulStop, Problems p) {
        int v = vus == null ? 1 : vus;
        Executor e;
        if (iterations != null) {
            e = new SharedIterations(v, iterations, duration == null ? Duration.ofMinutes(10) : duration, gracefulStop);
            if (v > iterations) p.error("options.vus", "must not exceed iterations (" + iterations + "), not " + v);
        } else if (duration != null) {
            e = new ConstantVus(v, duration, gracefulStop);
        } else {
            e = new SharedIterations(v, v, Duration.ofMinutes(10), gracefulStop);
        }
        return new Scenario("default", e, Duration.ZERO, "default", Map.of(), Map.of());
    }

    private static void addScenario(String name, ConfigReader s, List<Scenario> out) {
        String type = s.string("executor", null);
        if (type == null) {
            s.problems().error(s.path("executor"), "is required; valid: " + String.join(", ", ExecutorTypes.names()));
            return;
        }
        Executor e = ExecutorTypes.parse(type, s);
        Scenario scenario = new Scenario(name, e, s.duration("startTime", Duration.ZERO, false),
                s.string("exec", "default"), Map.copyOf(s.stringMap("env")), Map.copyOf(s.stringMap("tags")));
        if (e == null) return;
        s.checkUnknown(SCENARIO_COMMON);
        out.add(scenario);
    }
}
