package dev.salvo.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON object of configuration, recording every problem with its path
 * ({@code options.scenarios.api.vus: must be > 0}) instead of stopping at the first.
 */
public final class ConfigReader {
    private final ObjectNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> read = new LinkedHashSet<>();

    public ConfigReader(ObjectNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return path + "." + key;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    public JsonNode raw(String key) {
        read.add(key);
        return node.get(key);
    }

    public void required(String key, String why) {
        if (!has(key)) problems.error(path(key), "is required " + why);
    }

    public int positiveInt(String key, int fallback) {
        return (int) number(key, fallback, 1, Integer.MAX_VALUE, true);
    }

    public int nonNegativeInt(String key, int fallback) {
        return (int) number(key, fallback, 0, Integer.MAX_VALUE, true);
    }

    public double number(String key, double fallback, double min, double max, boolean integer) {
        if (!has(key)) return fallback;
        JsonNode v = node.get(key);
        if (!v.isNumber() || (integer && !v.canConvertToLong()) || (integer && v.asDouble() != Math.rint(v.asDouble()))) {
            problems.error(path(key), "must be " + (integer ? "a whole number" : "a number") + ", not " + v);
            return fallback;
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            problems.error(path(key), "must be " + (min == 1 ? "> 0" : ">= " + fmt(min)) + (max < Integer.MAX_VALUE ? " and <= " + fmt(max) : "") + ", not " + v);
            return fallback;
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A duration given as a string ({@code "30s"}) or a number of milliseconds, as k6 takes it. */
    public Duration duration(String key, Duration fallback, boolean positive) {
        if (!has(key)) return fallback;
        JsonNode v = node.get(key);
        Duration d;
        try {
            if (v.isNumber()) d = Durations.ofMillis(v.asDouble());
            else if (v.isTextual()) d = Durations.parse(v.asText());
            else throw new IllegalArgumentException("must be a duration such as \"30s\", not " + v);
        } catch (IllegalArgumentException e) {
            problems.error(path(key), e.getMessage());
            return fallback;
        }
        if (d.isNegative() || (positive && d.isZero())) {
            problems.error(path(key), "must be " + (positive ? "> 0" : ">= 0") + ", not " + v);
            return fallback;
        }
        return d;
    }

    public String string(String key, String fallback) {
        if (!has(key)) return fallback;
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            problems.error(path(key), "must be a string, not " + v);
            return fallback;
        }
        return v.asText();
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) return fallback;
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            problems.error(path(key), "must be true or false, not " + v);
            return fallback;
        }
        return v.asBoolean();
    }

    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!has(key)) return out;
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            problems.error(path(key), "must be an object of strings, not " + v);
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
        }
        return out;
    }

    public ConfigReader object(String key) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) {
            problems.error(path(key), "must be an object, not " + v);
            return null;
        }
        return new ConfigReader((ObjectNode) v, path(key), problems);
    }

    public List<String> keys() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * Every key that no reader asked for: a likely typo of a known one ({@code duraton}) is an error
     * that suggests it; anything else is a warning, as k6 scripts carry options of other tools.
     */
    public void checkUnknown(Set<String> alsoKnown) {
        Set<String> known = new LinkedHashSet<>(read);
        known.addAll(alsoKnown);
        for (String key : keys()) {
            if (known.contains(key)) continue;
            String hint = Suggest.closest(key, known);
            if (hint != null) problems.error(path(key), "unknown option (did you mean '" + hint + "'?)");
            else problems.warning(path(key), "unknown option, ignored");
        }
    }
}
