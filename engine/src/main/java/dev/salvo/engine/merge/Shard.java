package dev.salvo.engine.merge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.GaugeHistory;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.exec.Segment;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.salvo.engine.metrics.Series;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;


/**
 * One segment's result directory as {@code salvo merge} reads it: summary.json for counters,
 * rates, gauges and the plan, latency.hlog for the exact histograms of every trend series.
 */
public record Shard(Path dir, JsonNode summary, Segment segment, Instant start, Instant end, List<Aggregate> aggregates,
                    Map<String, Long> iterationErrors, long interruptedIterations, List<String> notes) {

    /** A shard that cannot be read; the message names it and says why. */
    public static final class ShardException extends Exception {
        public ShardException(String message) {
            super(message);
        }
    }

    public String schema() {
        return summary.path("schema").asText("");
    }

    public JsonNode distributed() {
        return summary.path("distributed");
    }

    public String scriptSha256() {
        return distributed().path("scriptSha256").asText("");
    }

    public JsonNode wholePlan() {
        return distributed().path("plan");
    }

    public String exitEnded() {
        return summary.path("run").path("ended").asText("");
    }

    public static Shard read(Path dir) throws ShardException {
        Path json = dir.resolve("summary.json");
        JsonNode s;
        try {
            s = ShardInfo.JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ShardException(dir + ": no summary.json (not a salvo run result, or the run did not finish)");
        } catch (IOException e) {
            throw new ShardException(json + ": corrupt: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (s == null || !s.isObject() || !s.path("metrics").isObject() || !s.path("run").isObject()) {
            throw new ShardException(json + ": corrupt: not a salvo summary (no run or metrics)");
        }
        if (!s.path("distributed").isObject()) {
            throw new ShardException(json + ": has no 'distributed' field (written by a salvo without --segment support; rerun it)");
        }
        Segment segment;
        try {
            int index = s.path("distributed").path("index").asInt(-1);
            JsonNode sequence = s.path("distributed").path("sequence");
            segment = sequence.isTextual() ? Segment.ofSequence(index, sequence.asText())
                    : new Segment(index, s.path("distributed").path("count").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new ShardException(json + ": corrupt segment: " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        Map<String, Histogram> histograms = histograms(dir.resolve("latency.hlog"), notes);
        List<Aggregate> aggregates = new ArrayList<>();
        Set<String> approximated = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            MetricType type;
            try {
                type = MetricType.valueOf(m.getValue().path("type").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ShardException(json + ": corrupt: metric " + m.getKey() + " has no known type");
            }
            Metric metric = new Metric(m.getKey(), type, "ms".equals(m.getValue().path("unit").asText()));
            for (JsonNode series : m.getValue().path("series")) {
                Map<String, String> tags = new LinkedHashMap<>();
                series.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                Histogram h = null;
                if (type == MetricType.TREND) {
                    h = histograms.get(key(m.getKey(), tags));
                    if (h == null) {
                        h = approximate(series.path("values"));
                        approximated.add(m.getKey());
                    }
                }
                aggregates.add(aggregate(metric, Tags.of(tags), series.path("values"), h));
            }
        }
        if (!approximated.isEmpty()) {
            notes.add("percentiles of " + String.join(", ", approximated) + " are approximated from each shard's percentiles "
                    + "(latency.hlog leaves these series out); counts, avg, min and max are exact");
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        for (JsonNode e : s.path("iterationErrors")) errors.merge(e.path("message").asText(), e.path("count").asLong(), Long::sum);
        Instant start, end;
        try {
            start = Instant.parse(s.path("run").path("start").asText());
            end = Instant.parse(s.path("run").path("end").asText());
        } catch (DateTimeException e) {
            throw new ShardException(json + ": corrupt: run.start or run.end is not a time");
        }
        return new Shard(dir, s, segment, start, end, List.copyOf(aggregates), errors,
                s.path("run").path("iterationsInterrupted").asLong(), List.copyOf(notes));
    }

    private static Aggregate aggregate(Metric metric, Tags tags, JsonNode v, Histogram h) {
        return switch (metric.type()) {
            // A counter's sample count is not in summary.json; 1 marks a series that has data.
            case COUNTER -> Aggregate.counter(metric, tags, 1, v.path("count").asDouble());
            case RATE -> {
                long passes = v.path("passes").asLong();
                long count = passes + v.path("fails").asLong();
                yield Aggregate.rate(metric, tags, count, passes);
            }
            case GAUGE -> Aggregate.gauge(metric, tags, 1, v.path("value").asDouble(), v.path("min").asDouble(),
                    v.path("max").asDouble(), GaugeHistory.EMPTY);
            case TREND -> {
                long count = v.path("count").asLong();
                yield Aggregate.trend(metric, tags, count, v.path("avg").asDouble() * count, v.path("min").asDouble(),
                        v.path("max").asDouble(), h);
            }
        };
    }

    /** A histogram with the shard's count placed at its reported percentiles: for series latency.hlog leaves out. */
    private static Histogram approximate(JsonNode v) {
        Histogram h = new Histogram(3);
        long count = v.path("count").asLong();
        if (count <= 0) return h;
        String[] at = {"min", "med", "p(90)", "p(95)", "p(99)", "p(99.9)", "max"};
        double[] upTo = {0, 0.5, 0.9, 0.95, 0.99, 0.999, 1};
        long placed = 0;
        for (int i = 0; i < at.length; i++) {
            long n = i == 0 ? 1 : Math.round(count * upTo[i]) - placed;
            if (n <= 0) continue;
            h.recordValueWithCount(Math.max(0, Math.round(v.path(at[i]).asDouble() * Series.SCALE)), n);
            placed += n;
        }
        return h;
    }

    static String key(String metric, Map<String, String> tags) {
        return metric + " " + new TreeMap<>(tags);
    }

    /** Every series' histogram in latency.hlog: the sum of its intervals, keyed by metric and tags. */
    private static Map<String, Histogram> histograms(Path hlog, List<String> notes) throws ShardException {
        Map<String, Histogram> out = new HashMap<>();
        if (!Files.isRegularFile(hlog)) {
            notes.add(hlog + " is missing: percentiles of this shard are left out of the merge");
            return out;
        }
        Map<String, String> keyByTag = new HashMap<>();
        try {
            for (String line : Files.readAllLines(hlog, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#tag ")) continue;
                String[] parts = line.split(" ", 3);
                Map<String, String> tags = new LinkedHashMap<>();
                ShardInfo.JSON.readTree(parts[2]).fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                keyByTag.put(parts[1], key(parts[1].substring(0, parts[1].lastIndexOf('.')), tags));
            }
            HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
            EncodableHistogram e;
            while ((e = reader.nextIntervalHistogram()) != null) {
                if (!(e instanceof Histogram h)) continue;
                String key = keyByTag.get(h.getTag());
                if (key == null) throw new ShardException(hlog + ": corrupt: interval with undeclared tag " + h.getTag());
                out.computeIfAbsent(key, k -> new Histogram(3)).add(h);
            }
        } catch (IOException | RuntimeException e) {
            throw new ShardException(hlog + ": corrupt: " + e.getMessage());
        }
        return out;
    }
}
