package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code per-vu-iterations}: each VU runs exactly {@code iterations} iterations, within {@code maxDuration}. */
public record PerVuIterations(int vus, long iterations, Duration maxDuration, Duration gracefulStop) implements Executor {
    public static final String TYPE = "per-vu-iterations";

    static PerVuIterations parse(ConfigReader c) {
        return new PerVuIterations(c.positiveInt("vus", 1), c.positiveInt("iterations", 1),
                c.duration("maxDuration", Duration.ofMinutes(10), true),
                BaseConfig.gracefulStop(c));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxVus() {
        return vus;
    }

    @Override
    public Duration maxRunTime() {
        return maxDuration.plus(gracefulStop);
    }

    @Override
    public CompletableFuture<Void> start(ScenarioRun run) {
        long end = maxDuration.toNanos();
        return run.loopEach(vu -> () -> vu.iterations() < iterations && run.elapsedNanos() < end, maxRunTime());
    }

    @Override
    public Executor segment(Segment segment) {
        int v = segment.share(vus);
        return v == 0 ? null : new PerVuIterations(v, iterations, maxDuration, gracefulStop);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vus", vus);
        p.put("iterations", iterations);
        p.put("maxDuration", Durations.format(maxDuration));
        p.put("gracefulStop", Durations.format(gracefulStop));
        return p;
    }
}
