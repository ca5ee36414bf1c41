package dev.salvo.engine.plan;

import dev.salvo.engine.config.Suggest;
import dev.salvo.engine.config.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the layers of options, lowest first: the config file's {@code defaults}, the script's
 * {@code options}, the chosen profile, the command line. Objects merge key by key (a profile can
 * change one parameter of one scenario); anything else is replaced. Every value remembers its layer.
 */
public final class OptionLayers {
    /** Locust-style profile keys, the profile's own {@code -u -r -t}. */
    private static final Set<String> LOCUST = Set.of("users", "spawnRate", "runTime");
    /** Keys that replace the script's scenarios when a profile sets them, as the command line's do. */
    private static final Set<String> SHORTCUTS = Set.of("vus", "duration", "iterations", "stages");
    public static final String DEFAULT = "default";
    public static final String CLI = "command line";

    private OptionLayers() {}

    /** The merged options, the overrides to apply on top, and where each value came from. */
    public record Resolved(ObjectNode options, Overrides overrides, Map<String, String> sources, String profile) {
        /** Where the value at {@code path} (e.g. {@code scenarios.api.rate}) came from; "default" if nowhere. */
        public String sourceOf(String path) {
            String p = path;
            while (true) {
                String s = sources.get(p);
                if (s != null) return s;
                int dot = p.lastIndexOf('.');
                if (dot < 0) return DEFAULT;
                p = p.substring(0, dot);
            }
        }
    }

    /**
     * @param config  the salvo.yaml in use, or null
     * @param profile the {@code --profile} name, or null
     * @throws ConfigException for an unknown profile (listing the defined ones) or bad Locust-style keys
     */
    public static Resolved resolve(JsonNode scriptOptions, ConfigFile config, String profile, Overrides cli) throws ConfigException {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        Map<String, String> sources = new LinkedHashMap<>();
        if (config != null) merge(merged, config.defaults(), "", config.file().getFileName() + " defaults", sources);
        ObjectNode script = scriptOptions != null && scriptOptions.isObject() ? ((ObjectNode) scriptOptions).deepCopy() : JsonNodeFactory.instance.objectNode();
        JsonNode scriptProfiles = script.remove("profiles");
        merge(merged, script, "", "script", sources);

        Integer users = null;
        Duration runTime = null;
        Double spawnRate = null;
        String label = null;
        if (profile != null) {
            ObjectNode chosen = null;
            if (config != null && config.profiles().containsKey(profile)) {
                chosen = config.profiles().get(profile);
                label = "profile " + profile + " (" + config.file().getFileName() + ")";
            } else if (scriptProfiles != null && scriptProfiles.isObject() && scriptProfiles.get(profile) != null) {
                JsonNode p = scriptProfiles.get(profile);
                if (!p.isObject()) throw new ConfigException(List.of("options.profiles." + profile + ": must be an object of options"));
                chosen = (ObjectNode) p;
                label = "profile " + profile + " (options.profiles)";
            }
            if (chosen == null) throw new ConfigException(List.of(unknownProfile(profile, config, scriptProfiles)));
            ObjectNode p = chosen.deepCopy();
            List<String> problems = new ArrayList<>();
            if (p.has("users")) users = positiveInt(p.remove("users"), profile, "users", problems);
            if (p.has("spawnRate")) spawnRate = positiveNumber(p.remove("spawnRate"), profile, "spawnRate", problems);
            if (p.has("runTime")) runTime = duration(p.remove("runTime"), profile, "runTime", problems);
            if (!problems.isEmpty()) throw new ConfigException(problems);
            boolean replacesScenarios = users != null || SHORTCUTS.stream().anyMatch(p::has);
            if (replacesScenarios && !p.has("scenarios")) {
                // The profile sets the load shape: none of the script's (scenarios or shortcuts) is kept.
                for (String k : List.of("scenarios", "vus", "duration", "iterations", "stages")) {
                    merged.remove(k);
                    sources.keySet().removeIf(s -> s.equals(k) || s.startsWith(k + "."));
                }
            }
            merge(merged, p, "", label, sources);
            if (users != null) sources.put("vus", label);
            if (runTime != null) sources.put("duration", label);
            if (spawnRate != null) sources.put("spawnRate", label);
        }
        if (cli.vus() != null) sources.put("vus", CLI);
        if (cli.duration() != null) sources.put("duration", CLI);
        if (cli.iterations() != null) sources.put("iterations", CLI);
        if (cli.spawnRate() != null) sources.put("spawnRate", CLI);
        Overrides o = new Overrides(cli.vus() != null ? cli.vus() : users, cli.duration() != null ? cli.duration() : runTime,
                cli.iterations(), cli.spawnRate() != null ? cli.spawnRate() : spawnRate);
        // A profile's users without a spawn rate start them all at once, as -u does.
        return new Resolved(merged, o, sources, profile);
    }

    private static String unknownProfile(String name, ConfigFile config, JsonNode scriptProfiles) {
        Set<String> defined = new TreeSet<>();
        if (config != null) defined.addAll(config.profiles().keySet());
        if (scriptProfiles != null && scriptProfiles.isObject()) scriptProfiles.fieldNames().forEachRemaining(defined::add);
        if (defined.isEmpty()) {
            return "--profile: unknown profile '" + name + "': none is defined (add options.profiles to the script or a "
                    + ConfigFile.FILE_NAME + " beside it, or pass --config FILE)";
        }
        String hint = Suggest.closest(name, defined);
        return "--profile: unknown profile '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + "; defined: " + String.join(", ", defined);
    }

    private static void merge(ObjectNode into, ObjectNode from, String prefix, String label, Map<String, String> sources) {
        for (var it = from.fields(); it.hasNext(); ) {
            var e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), path, label, sources);
                continue;
            }
            sources.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + "."));
            if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                // Label the leaves, so that a later layer changing one of them leaves the others' labels alone.
                merge(into.putObject(e.getKey()), (ObjectNode) e.getValue(), path, label, sources);
                continue;
            }
            into.set(e.getKey(), e.getValue().deepCopy());
            sources.put(path, label);
        }
    }

    private static Integer positiveInt(JsonNode v, String profile, String key, List<String> problems) {
        if (v.canConvertToInt() && v.isIntegralNumber() && v.asInt() > 0) return v.asInt();
        problems.add("profiles." + profile + "." + key + ": must be a whole number > 0, not " + v);
        return null;
    }

    private static Double positiveNumber(JsonNode v, String profile, String key, List<String> problems) {
        if (v.isNumber() && v.asDouble() > 0) return v.asDouble();
        problems.add("profiles." + profile + "." + key + ": must be a number > 0, not " + v);
        return null;
    }

    private static Duration duration(JsonNode v, String profile, String key, List<String> problems) {
        try {
            Duration d = v.isNumber() ? Duration.ofNanos((long) (v.asDouble() * 1e6)) : Durations.parse(v.asText());
            if (!d.isZero() && !d.isNegative()) return d;
            problems.add("profiles." + profile + "." + key + ": must be > 0, not " + v);
        } catch (IllegalArgumentException e) {
            problems.add("profiles." + profile + "." + key + ": " + e.getMessage());
        }
        return null;
    }
}
