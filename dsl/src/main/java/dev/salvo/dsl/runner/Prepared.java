package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.JsScriptRuntime;
import dev.salvo.dsl.script.ScriptError;
import dev.salvo.dsl.script.ScriptInfo;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.plan.ClientCertificates;
import dev.salvo.engine.plan.ConfigException;
import dev.salvo.engine.plan.ConfigFile;
import dev.salvo.engine.plan.OptionLayers;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.PlanException;
import dev.salvo.engine.plan.PlanParser;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.plan.ScenarioSelection;
import dev.salvo.engine.config.Problems;
import dev.salvo.engine.config.Suggest;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdsParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A script loaded and checked, ready to run: its options resolved into a plan, its thresholds
 * parsed against the metrics that exist. {@code salvo run} and {@code salvo validate} share it.
 */
public record Prepared(ScriptInfo info, Plan plan, List<Threshold> thresholds, HostContext host, List<String> warnings,
                OptionLayers.Resolved resolved) {
    /** Where options come from besides the script: {@code --config FILE} (else salvo.yaml beside it) and {@code --profile}. */
    public record Layers(Path config, String profile) {
        public static final Layers NONE = new Layers(null, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The environment the script sees: the process's, then the demo target's URLs, then {@code -e}. */
    public static String envJson(Map<String, String> extra) throws IOException {
        Map<String, String> vars = new TreeMap<>(System.getenv());
        vars.putAll(extra);
        return JSON.writeValueAsString(vars);
    }

    /** @throws PlanException with every problem of the options and thresholds at once */
    public static Prepared prepare(JsScript js, HostContext host, Overrides overrides, Map<String, String> tags)
            throws ScriptError, PlanException, IOException {
        try {
            return prepare(js, host, overrides, tags, Layers.NONE);
        } catch (ConfigException e) {
            throw new PlanException(e.problems());
        }
    }

    /**
     * @throws ConfigException for a malformed config file or an unknown profile (command-line problems)
     * @throws PlanException with every problem of the merged options and thresholds at once
     */
    public static Prepared prepare(JsScript js, HostContext host, Overrides overrides, Map<String, String> tags, Layers layers)
            throws ScriptError, PlanException, ConfigException, IOException {
        Path configFile = layers.config() != null ? layers.config() : ConfigFile.besideScript(js.file());
        ConfigFile config = configFile == null ? null : ConfigFile.load(configFile);
        ScriptInfo info = JsScriptRuntime.inspect(js, host);
        JsonNode options = info.optionsJson() == null ? null : JSON.readTree(info.optionsJson());
        OptionLayers.Resolved resolved = OptionLayers.resolve(options, config, layers.profile(), overrides);
        // A bad scenario must not hide bad thresholds: report the problems of both at once.
        Plan plan = null;
        List<String> errors = new ArrayList<>();
        try {
            plan = PlanParser.parse(resolved.options(), resolved.overrides()).withTags(tags);
        } catch (PlanException e) {
            errors.addAll(e.problems());
        }
        Problems problems = new Problems();
        if (plan != null) {
            plan = plan.withClient(ClientCertificates.resolve(plan.client(), js.file().toAbsolutePath().getParent(), problems));
        }
        JsonNode rawThresholds = plan != null ? plan.thresholds() : resolved.options() == null ? null : resolved.options().get("thresholds");
        List<Threshold> thresholds = ThresholdsParser.parse(rawThresholds, problems);
        checkMetrics(thresholds, host.metrics(), problems);
        for (Scenario s : plan == null ? List.<Scenario>of() : plan.scenarios()) {
            if (!info.exportsFunction(s.exec())) {
                problems.error("options.scenarios." + s.name() + ".exec", "the script exports no function '" + s.exec() + "'"
                        + ("default".equals(s.exec()) ? " (export default async function () { ... })" : ""));
            }
        }
        errors.addAll(problems.errors());
        if (!errors.isEmpty()) throw new PlanException(errors);
        List<String> warnings = new ArrayList<>(plan.warnings());
        warnings.addAll(problems.warnings());
        return new Prepared(info, plan, thresholds, host, List.copyOf(warnings), resolved);
    }

    /** Only the scenarios (or users) {@code --scenario} names; @throws ConfigException for an unknown name. */
    Prepared select(List<String> names) throws ConfigException {
        if (names.isEmpty()) return this;
        return new Prepared(info, ScenarioSelection.select(plan, names, info.functions()), thresholds, host, warnings, resolved);
    }

    /** The value sources with the flags a {@code SALVO_*} variable set named as such (for {@code --print-plan}). */
    Prepared fromEnvironment(Map<String, String> variables) {
        if (variables.isEmpty()) return this;
        Map<String, String> sources = new LinkedHashMap<>(resolved.sources());
        FLAG_KEYS.forEach((flag, key) -> {
            if (variables.containsKey(flag) && OptionLayers.CLI.equals(sources.get(key))) sources.put(key, "environment " + variables.get(flag));
        });
        return new Prepared(info, plan, thresholds, host, warnings,
                new OptionLayers.Resolved(resolved.options(), resolved.overrides(), sources, resolved.profile()));
    }

    /** The long flags that set an option of the plan, and the option. */
    private static final Map<String, String> FLAG_KEYS = Map.of("--vus", "vus", "--users", "vus", "--duration", "duration",
            "--run-time", "duration", "--iterations", "iterations", "--spawn-rate", "spawnRate");

    /** This script with another plan (a segment of the whole); {@code judged} false drops the thresholds, which 'salvo merge' evaluates. */
    Prepared slice(Plan segmentPlan, boolean judged) {
        return new Prepared(info, segmentPlan, judged ? thresholds : List.of(), host, warnings, resolved);
    }

    /** Every threshold names a metric that exists (built in or defined by the script) and suits its type. */
    private static void checkMetrics(List<Threshold> thresholds, Metrics metrics, Problems problems) {
        Map<String, Metric> known = new TreeMap<>();
        for (Metric m : BuiltinMetrics.ALL) known.put(m.name(), m);
        for (Metric m : metrics.metrics()) known.put(m.name(), m);
        for (Threshold t : thresholds) {
            String path = "options.thresholds[\"" + t.selector().text() + "\"]";
            Metric m = known.get(t.selector().metric());
            if (m == null) {
                String hint = Suggest.closest(t.selector().metric(), known.keySet());
                problems.error(path, "unknown metric '" + t.selector().metric() + "'"
                        + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
                continue;
            }
            String wrong = ThresholdsParser.checkType(t, m.type());
            if (wrong != null) problems.error(path, wrong);
        }
    }
}
