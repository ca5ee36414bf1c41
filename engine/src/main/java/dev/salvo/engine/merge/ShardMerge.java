package dev.salvo.engine.merge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.GaugeHistory;
import dev.salvo.engine.plan.Isolation;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.config.Problems;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdsParser;
import dev.salvo.engine.thresholds.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.report.SummaryJson;
import java.util.LinkedHashSet;
import java.util.Set;


/**
 * Combines the shards of one distributed run: checks that they belong together, sums counters
 * and rates, adds the HdrHistograms of each tag set exactly, spans the wall-clock window from the
 * earliest start to the latest end, and evaluates the script's thresholds once over the whole.
 */
public final class ShardMerge {
    private ShardMerge() {}

    /** The merged run: what the report writers need, plus the whole plan's summary.json node. */
    public record Merged(RunResult result, List<Verdict> verdicts, JsonNode wholePlan, String script, List<String> warnings,
                         List<String> missing) {}

    /**
     * Why these shards cannot be merged, one line each naming the difference; empty when they can.
     * With {@code allowPartial} missing segments are not a problem (they are in {@link Merged#missing}).
     */
    public static List<String> problems(List<Shard> shards, boolean allowPartial) {
        List<String> out = new ArrayList<>();
        if (shards.isEmpty()) return List.of("no shards to merge");
        Shard first = shards.get(0);
        Map<Integer, Shard> byIndex = new TreeMap<>();
        for (Shard s : shards) {
            if (!s.schema().equals(SummaryJson.SCHEMA)) {
                out.add("incompatible schema: " + s.dir() + " is " + s.schema() + "; this salvo merges "
                        + SummaryJson.SCHEMA);
                continue;
            }
            if (!s.scriptSha256().equals(first.scriptSha256())) {
                out.add("different scripts: " + first.dir() + " ran " + first.summary().path("script").asText() + " (sha256 "
                        + abbrev(first.scriptSha256()) + "), " + s.dir() + " ran " + s.summary().path("script").asText()
                        + " (sha256 " + abbrev(s.scriptSha256()) + ")");
            }
            String diff = difference("plan", first.wholePlan(), s.wholePlan());
            if (diff != null) out.add("different plans: " + diff + " differs between " + first.dir() + " and " + s.dir());
            if (s.segment().count() != first.segment().count()) {
                out.add("different segment counts: " + first.dir() + " is " + first.segment() + ", " + s.dir() + " is " + s.segment());
                continue;
            }
            if (!s.segment().sequence().equals(first.segment().sequence())) {
                out.add("different segment sequences: " + first.dir() + " is " + first.segment().sequence() + ", " + s.dir()
                        + " is " + s.segment().sequence());
                continue;
            }
            Shard other = byIndex.putIfAbsent(s.segment().index(), s);
            if (other != null) out.add("duplicate shards: " + other.dir() + " and " + s.dir() + " are both segment " + s.segment());
        }
        if (!allowPartial && out.isEmpty()) {
            List<String> missing = missing(shards);
            if (!missing.isEmpty()) out.add("missing segments " + String.join(", ", missing) + " (pass --allow-partial to merge the rest)");
        }
        return out;
    }

    static List<String> missing(List<Shard> shards) {
        int n = shards.get(0).segment().count();
        TreeSet<Integer> have = new TreeSet<>();
        shards.forEach(s -> have.add(s.segment().index()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!have.contains(i)) out.add(i + "/" + n);
        return out;
    }

    /** Merges shards that {@link #problems} accepted. */
    public static Merged merge(List<Shard> shards) {
        Shard first = shards.get(0);
        Map<String, Aggregate> series = new LinkedHashMap<>();
        Map<String, Long> errors = new TreeMap<>();
        Instant start = first.start(), end = first.end();
        long interrupted = 0;
        boolean anyInterrupted = false;
        List<String> warnings = new ArrayList<>();
        for (Shard s : shards) {
            for (Aggregate a : s.aggregates()) {
                series.merge(Shard.key(a.metric().name(), a.tags().asMap()), a, ShardMerge::add);
            }
            s.iterationErrors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            if (s.start().isBefore(start)) start = s.start();
            if (s.end().isAfter(end)) end = s.end();
            interrupted += s.interruptedIterations();
            if (!"completed".equals(s.exitEnded())) {
                anyInterrupted |= "interrupted".equals(s.exitEnded());
                warnings.add("segment " + s.segment() + " (" + s.dir() + ") ended " + s.exitEnded());
            }
            warnings.addAll(s.notes());
        }
        List<Aggregate> aggregates = List.copyOf(series.values());
        JsonNode planNode = first.wholePlan();
        JsonNode thresholdsNode = planNode.path("options").path("thresholds");
        Problems problems = new Problems();
        List<Threshold> thresholds = thresholdsNode.isObject() ? ThresholdsParser.parse(thresholdsNode, problems) : List.of();
        warnings.addAll(problems.errors());
        Duration elapsed = Duration.between(start, end);
        List<Verdict> verdicts = ThresholdEvaluator.evaluateAll(thresholds, aggregates, elapsed.toNanos() / 1e9);
        List<String> missing = missing(shards);
        if (!missing.isEmpty()) {
            warnings.add(0, "PARTIAL: merged " + shards.size() + " of " + first.segment().count() + " segments; missing "
                    + String.join(", ", missing));
        }
        Plan plan = new Plan(List.of(), Isolation.VU, false, null, Duration.ZERO, Duration.ZERO, Map.of(),
                thresholdsNode.isObject() ? thresholdsNode : null, List.of());
        RunResult result = new RunResult(plan, start, elapsed, aggregates, errors, interrupted, anyInterrupted);
        return new Merged(result, verdicts, planNode, first.summary().path("script").asText(), warnings.stream().distinct().toList(), missing);
    }

    /** Same series of two shards; VU gauges add up (each process counts its own VUs), other gauges keep the last. */
    public static Aggregate add(Aggregate a, Aggregate b) {
        String name = a.metric().name();
        if (a.metric().type() == MetricType.GAUGE && (name.equals("vus") || name.equals("vus_max"))) {
            return Aggregate.gauge(a.metric(), a.tags(), a.count() + b.count(), a.last() + b.last(), a.min() + b.min(),
                    a.max() + b.max(), GaugeHistory.EMPTY);
        }
        return a.merge(b);
    }

    private static String abbrev(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha.isEmpty() ? "unknown" : sha;
    }

    /** The path of the first difference between two JSON trees, or null when they are equal. */
    public static String difference(String path, JsonNode a, JsonNode b) {
        if (a.equals(b)) return null;
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String d = difference(path + "." + n, a.path(n), b.path(n));
                if (d != null) return d;
            }
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> x = a.elements(), y = b.elements();
            for (int i = 0; x.hasNext(); i++) {
                String d = difference(path + "[" + i + "]", x.next(), y.next());
                if (d != null) return d;
            }
        }
        return path + " (" + abbreviate(a) + " vs " + abbreviate(b) + ")";
    }

    private static String abbreviate(JsonNode n) {
        String s = n.isMissingNode() ? "absent" : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
