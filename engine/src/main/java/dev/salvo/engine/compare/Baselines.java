package dev.salvo.engine.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads {@code summary.json} files (or result directories holding one) and compares them. */
public final class Baselines {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_PREFIX = "salvo.summary/";

    private Baselines() {}

    /** A summary file, or a directory with {@code summary.json} in it; a readable message when it is neither. */
    public static JsonNode load(Path path) throws BaselineException {
        Path file = Files.isDirectory(path) ? path.resolve("summary.json") : path;
        if (!Files.isRegularFile(file)) throw new BaselineException(path + ": no such file" + (Files.isDirectory(path) ? " (no summary.json in the directory)" : ""));
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BaselineException(file + ": not JSON: " + e.getMessage());
        }
        if (root == null || !root.path("schema").asText().startsWith(SCHEMA_PREFIX) || !root.path("requests").isArray()) {
            throw new BaselineException(file + ": not a salvo summary (expected schema " + SCHEMA_PREFIX + "1 with requests[])");
        }
        return root;
    }

    /** Compares every request by method and name; requests only one run has are listed in added/removed. */
    public static Comparison compare(String baselineLabel, JsonNode baseline, String currentLabel, JsonNode current, CompareOptions o) {
        Map<String, JsonNode> before = byKey(baseline);
        Map<String, JsonNode> after = byKey(current);
        List<RequestComparison> rows = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        before.forEach((key, b) -> {
            JsonNode c = after.get(key);
            if (c == null) removed.add(key);
            else rows.add(compare(b, c, o));
        });
        List<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).toList();
        return new Comparison(baselineLabel, currentLabel, o, List.copyOf(rows), added, List.copyOf(removed));
    }

    private static RequestComparison compare(JsonNode b, JsonNode c, CompareOptions o) {
        long bn = b.path("count").asLong(), cn = c.path("count").asLong();
        List<MetricChange> changes = new ArrayList<>();
        for (MetricChange.Measure m : MetricChange.Measure.values()) changes.add(MetricChange.of(m, value(b, m), value(c, m), o));
        return new RequestComparison(b.path("method").asText(""), b.path("name").asText(), bn, cn, List.copyOf(changes),
                bn < o.minSamples() || cn < o.minSamples());
    }

    private static double value(JsonNode request, MetricChange.Measure m) {
        JsonNode d = request.path("duration");
        return switch (m) {
            case P50 -> d.path("med").asDouble();
            case P95 -> d.path("p(95)").asDouble();
            case P99 -> d.path("p(99)").asDouble();
            case ERROR_RATE -> request.path("count").asLong() == 0 ? 0
                    : request.path("failures").asDouble() / request.path("count").asDouble();
            case THROUGHPUT -> request.path("rps").asDouble();
        };
    }

    private static Map<String, JsonNode> byKey(JsonNode summary) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : summary.path("requests")) {
            String method = r.path("method").asText("");
            out.put((method.isEmpty() ? "" : method + " ") + r.path("name").asText(), r);
        }
        return out;
    }
}
