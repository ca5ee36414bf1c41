package dev.salvo.engine.run;

import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.Timings;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What salvo records for one finished request: the tag-set lookup (cached per VU) and the ten
 * built-in metrics. The request and its tag map are new each time, as {@code http.get} makes them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpRecorderBench {
    private static final String URL = "http://127.0.0.1:8080/";
    private final HttpRecorder recorder = new HttpRecorder(new Metrics(), Tags.of("scenario", "default"));
    private final Timings timings = new Timings(0, 0, 0, 0.01, 0.4, 0.02, 0.43, 0);

    @Benchmark
    public void onExchange() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("group", "");
        HttpRequest request = new HttpRequest("GET", URI.create(URL), List.of(), null, Duration.ofSeconds(60), 10,
                true, tags);
        HttpResponse response = HttpResponse.received(200, "HTTP/1.1", URL, Map.of(), null, timings, new HttpResponse.Wire(80, 120, ""));
        recorder.onExchange(request, response);
    }
}
