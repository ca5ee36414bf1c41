package dev.salvo.engine.metrics;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Recording one sample: a trend (HdrHistogram), a counter and a rate, by one thread and by two
 * threads at once into the same series (two workers recording the same request name), and
 * {@link Metrics#add} with its series lookup (what a {@code check()} does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordBench {
    private final Metrics metrics = new Metrics();
    private final Tags tags = Tags.of("method", "GET", "name", "http://127.0.0.1:8080/", "status", "200");
    private final Series trend = metrics.series(BuiltinMetrics.HTTP_REQ_DURATION, tags);
    private final Series counter = metrics.series(BuiltinMetrics.HTTP_REQS, tags);
    private final Series rate = metrics.series(BuiltinMetrics.HTTP_REQ_FAILED, tags);

    private static double latency() {
        return 0.2 + ThreadLocalRandom.current().nextDouble(2.0);
    }

    @Benchmark
    public void trend() {
        trend.add(latency());
    }

    @Benchmark
    @Threads(2)
    public void trendTwoThreads() {
        trend.add(latency());
    }

    @Benchmark
    public void counter() {
        counter.add(1);
    }

    @Benchmark
    @Threads(2)
    public void counterTwoThreads() {
        counter.add(1);
    }

    @Benchmark
    public void rate() {
        rate.add(0);
    }

    @Benchmark
    public void lookupAndAdd() {
        metrics.add(BuiltinMetrics.CHECKS, tags, 1);
    }
}
