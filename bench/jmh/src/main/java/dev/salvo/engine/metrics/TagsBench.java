package dev.salvo.engine.metrics;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Tag sets: building one from a map (a new request name), adding a tag, and the series lookup by tag set. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TagsBench {
    private final Map<String, String> map = new LinkedHashMap<>();
    private final Metrics metrics = new Metrics();
    private Tags tags;

    {
        map.put("scenario", "default");
        map.put("group", "");
        map.put("url", "http://127.0.0.1:8080/");
        map.put("name", "http://127.0.0.1:8080/");
        map.put("method", "GET");
        map.put("status", "200");
        map.put("expected_response", "true");
        tags = Tags.of(map);
        metrics.series(BuiltinMetrics.HTTP_REQS, tags);
    }

    @Benchmark
    public Tags of() {
        return Tags.of(map);
    }

    @Benchmark
    public Tags withOne() {
        return tags.with("check", "status is 200");
    }

    @Benchmark
    public Series seriesLookup() {
        return metrics.series(BuiltinMetrics.HTTP_REQS, tags);
    }
}
