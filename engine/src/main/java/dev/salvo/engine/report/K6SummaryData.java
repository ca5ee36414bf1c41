package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.thresholds.Verdict;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object k6 hands to a script's {@code handleSummary(data)}: {@code metrics} (each with {@code type},
 * {@code contains}, {@code values} in k6's names and, under thresholds, {@code thresholds: {expr: {ok}}}, the
 * thresholds' sub-metrics as metrics of their own), {@code root_group} (groups and checks as a tree, ids as
 * k6's md5 of the path), {@code options} and {@code state.testRunDurationMs}. salvo's own {@code salvo_*} metrics
 * are left out, as k6 has none of them.
 */
public final class K6SummaryData {
    private K6SummaryData() {}

    /** {@code trendStats}: the summary's trend columns ({@code summaryTrendStats}), k6's by default. */
    public static ObjectNode tree(Summary s, List<String> trendStats) {
        ObjectNode root = SummaryJson.JSON.createObjectNode();
        ObjectNode metrics = root.putObject("metrics");
        double seconds = s.seconds();
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Aggregate> e : s.metrics().entrySet()) {
            if (e.getKey().startsWith("salvo_")) continue; // salvo's own health, which k6 does not have
            byName.put(e.getKey(), metric(metrics, e.getKey(), e.getValue(), seconds));
        }
        for (Verdict v : s.thresholds()) {
            String selector = v.threshold().selector().text();
            ObjectNode m = byName.get(selector);
            if (m == null) {
                Aggregate merged = null;
                for (Aggregate a : s.result().aggregates()) {
                    if (!a.metric().name().equals(v.threshold().selector().metric()) || !v.threshold().selector().matches(a.tags())) continue;
                    merged = merged == null ? a : merged.merge(a);
                }
                if (merged == null) continue;
                m = metric(metrics, selector, merged, seconds);
                byName.put(selector, m);
            }
            ObjectNode th = m.has("thresholds") ? (ObjectNode) m.get("thresholds") : m.putObject("thresholds");
            th.putObject(v.threshold().condition().text().strip()).put("ok", v.passed());
        }
        root.set("root_group", groups(s));
        ObjectNode options = root.putObject("options");
        ArrayNode stats = options.putArray("summaryTrendStats");
        trendStats.forEach(stats::add);
        options.put("summaryTimeUnit", "");
        options.put("noColor", false);
        ObjectNode state = root.putObject("state");
        state.put("isStdOutTTY", false);
        state.put("isStdErrTTY", false);
        state.put("testRunDurationMs", s.result().elapsed().toNanos() / 1e6);
        return root;
    }

    /** The default {@code summaryTrendStats} of k6. */
    public static final List<String> TREND_STATS = List.of("avg", "min", "med", "max", "p(90)", "p(95)");

    private static ObjectNode metric(ObjectNode metrics, String name, Aggregate a, double seconds) {
        ObjectNode m = metrics.putObject(name);
        m.put("type", a.metric().type().label());
        String base = a.metric().name();
        m.put("contains", a.metric().time() ? "time" : base.equals("data_sent") || base.equals("data_received") ? "data" : "default");
        ObjectNode values = SummaryJson.values(a, seconds);
        if (a.metric().type() == MetricType.GAUGE) values.remove("first");
        if (a.metric().type() == MetricType.TREND) {
            values.remove("count");
            values.remove("p(99.9)");
        }
        m.set("values", values);
        return m;
    }

    /** k6's group tree: every group that ran (its group_duration series) or holds a check, by path ({@code ::a::b}). */
    private static ObjectNode groups(Summary s) {
        Map<String, ObjectNode> byPath = new LinkedHashMap<>();
        ObjectNode root = group("", "");
        byPath.put("", root);
        for (Aggregate a : s.result().aggregates()) {
            String path = a.metric().name().equals("group_duration") ? a.tags().get("group") : null;
            if (path != null && path.startsWith("::")) groupAt(byPath, path);
        }
        for (Summary.CheckRow c : s.checks()) {
            ObjectNode g = groupAt(byPath, c.group() == null ? "" : c.group());
            String checkPath = (c.group() == null ? "" : c.group()) + "::" + c.name();
            ((ArrayNode) g.get("checks")).addObject().put("name", c.name()).put("path", checkPath).put("id", md5(checkPath))
                    .put("passes", c.passes()).put("fails", c.fails());
        }
        return root;
    }

    private static ObjectNode groupAt(Map<String, ObjectNode> byPath, String path) {
        ObjectNode g = byPath.get(path);
        if (g != null) return g;
        int cut = path.lastIndexOf("::");
        ObjectNode parent = groupAt(byPath, cut <= 0 ? "" : path.substring(0, cut));
        g = group(path.substring(cut + 2), path);
        ((ArrayNode) parent.get("groups")).add(g);
        byPath.put(path, g);
        return g;
    }

    private static ObjectNode group(String name, String path) {
        ObjectNode g = SummaryJson.JSON.createObjectNode();
        g.put("name", name).put("path", path).put("id", md5(path));
        g.putArray("groups");
        g.putArray("checks");
        return g;
    }

    private static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
