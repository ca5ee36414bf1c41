package dev.salvo.engine.thresholds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.config.Problems;
import dev.salvo.engine.config.Suggest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code options.thresholds}, k6's map of metric selector to a list of expressions or
 * {@code {threshold, abortOnFail, delayAbortEval, allowEmpty, baseline}} objects, recording every problem at once.
 */
public final class ThresholdsParser {
    private static final String ROOT = "options.thresholds";
    private static final List<String> LONG_FORM_KEYS = List.of("threshold", "abortOnFail", "delayAbortEval", "allowEmpty", "baseline");
    private static final Map<MetricType, Set<Aggregation>> ALLOWED = Map.of(
            MetricType.TREND, EnumSet.of(Aggregation.AVG, Aggregation.MIN, Aggregation.MAX, Aggregation.MED, Aggregation.PERCENTILE),
            MetricType.RATE, EnumSet.of(Aggregation.RATE),
            MetricType.COUNTER, EnumSet.of(Aggregation.COUNT, Aggregation.RATE),
            MetricType.GAUGE, EnumSet.of(Aggregation.VALUE, Aggregation.GROWTH, Aggregation.SLOPE));
    private static final Map<MetricType, String> TAKES = Map.of(
            MetricType.TREND, "avg, min, max, med, p(N)",
            MetricType.RATE, "rate",
            MetricType.COUNTER, "count, rate, rate(1h)",
            MetricType.GAUGE, "value, growth, slope");

    private ThresholdsParser() {}

    /**
     * {@code { "metric{tags}": ["p(95)<500", {threshold:"rate<0.01", abortOnFail:true, delayAbortEval:"10s",
     * allowEmpty:true}] }} to thresholds; a missing or null node gives none. Problems carry their path, e.g.
     * {@code options.thresholds["http_req_duration"][1]: 'rate<': expected a number at column 6}.
     */
    public static List<Threshold> parse(JsonNode thresholds, Problems problems) {
        List<Threshold> out = new ArrayList<>();
        if (thresholds == null || thresholds.isNull() || thresholds.isMissingNode()) return out;
        if (!thresholds.isObject()) {
            problems.error(ROOT, "must be an object of metric selector to thresholds, e.g. {\"http_req_duration\": [\"p(95)<500\"]}");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = thresholds.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = ROOT + "[" + quote(e.getKey()) + "]";
            MetricSelector selector = null;
            try {
                selector = MetricSelector.parse(e.getKey());
            } catch (ThresholdSyntaxException x) {
                problems.error(path, "'" + e.getKey() + "' is not a metric selector: " + x.getMessage());
            }
            JsonNode list = e.getValue();
            if (!list.isArray()) {
                problems.error(path, "must be an array of thresholds, e.g. [\"p(95)<500\"]");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                Threshold t = threshold(selector, list.get(i), path + "[" + i + "]", problems);
                if (t != null && selector != null) out.add(t);
            }
        }
        return out;
    }

    /** The error message when {@code t}'s aggregation does not apply to a metric of {@code type}, as in k6; else null. */
    public static String checkType(Threshold t, MetricType type) {
        boolean perPeriod = t.condition().per() != null;
        if (ALLOWED.get(type).contains(t.condition().aggregation()) && (!perPeriod || type == MetricType.COUNTER)) return null;
        return "'" + t.condition().aggregationLabel() + "' does not apply to " + type.label() + " metric '"
                + t.selector().metric() + "'; a " + type.label() + " takes " + TAKES.get(type);
    }

    /** One list element; null when it has a problem, which is recorded. */
    private static Threshold threshold(MetricSelector selector, JsonNode node, String path, Problems problems) {
        if (node.isTextual()) {
            Condition c = condition(node.asText(), path, problems);
            return c == null ? null : new Threshold(selector, c, false, Duration.ZERO, false);
        }
        if (!node.isObject()) {
            problems.error(path, "must be an expression such as \"p(95)<500\" or an object {threshold, abortOnFail, "
                    + "delayAbortEval, allowEmpty}, not " + node);
            return null;
        }
        int before = problems.errors().size();
        Condition c = null;
        JsonNode text = node.get("threshold");
        if (text == null) problems.error(path, "needs a threshold, e.g. {threshold: \"p(95)<500\"}");
        else if (!text.isTextual()) problems.error(path + ".threshold", "must be an expression string such as \"p(95)<500\", not " + text);
        else c = condition(text.asText(), path + ".threshold", problems);
        boolean abortOnFail = bool(node, "abortOnFail", path, problems);
        boolean allowEmpty = bool(node, "allowEmpty", path, problems);
        Duration delay = Duration.ZERO;
        JsonNode d = node.get("delayAbortEval");
        if (d != null && !d.isNull()) {
            if (!d.isTextual()) {
                problems.error(path + ".delayAbortEval", "must be a duration string such as \"10s\", not " + d);
            } else {
                try {
                    delay = Durations.parse(d.asText());
                } catch (IllegalArgumentException x) {
                    problems.error(path + ".delayAbortEval", x.getMessage());
                }
                if (!abortOnFail) problems.warning(path + ".delayAbortEval", "has no effect without abortOnFail: true");
            }
        }
        Duration baseline = Duration.ZERO;
        JsonNode b = node.get("baseline");
        if (b != null && !b.isNull()) {
            try {
                if (!b.isTextual()) throw new IllegalArgumentException("must be a duration string such as \"30s\", not " + b);
                baseline = Durations.parse(b.asText());
            } catch (IllegalArgumentException x) {
                problems.error(path + ".baseline", x.getMessage());
            }
            if (c != null && c.aggregation() != Aggregation.GROWTH) {
                problems.error(path + ".baseline", "applies to growth only, not " + c.aggregationLabel());
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (LONG_FORM_KEYS.contains(name)) continue;
            String near = Suggest.closest(name, LONG_FORM_KEYS);
            problems.error(path + "." + name, "is not a threshold option (" + String.join(", ", LONG_FORM_KEYS) + ")"
                    + (near == null ? "" : "; did you mean " + near + "?"));
        }
        if (c == null || problems.errors().size() > before) return null;
        return new Threshold(selector, c, abortOnFail, delay, allowEmpty, baseline);
    }

    private static Condition condition(String text, String path, Problems problems) {
        try {
            return ConditionParser.parse(text);
        } catch (ThresholdSyntaxException x) {
            problems.error(path, "'" + text + "': " + x.getMessage());
            return null;
        }
    }

    private static boolean bool(JsonNode node, String name, String path, Problems problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) {
            problems.error(path + "." + name, "must be true or false, not " + v);
            return false;
        }
        return v.booleanValue();
    }

    private static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
