package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** {@code shared-iterations}: {@code iterations} iterations in total, taken by whichever VU is free. */
public record SharedIterations(int vus, long iterations, Duration maxDuration, Duration gracefulStop) implements Executor {
    public static final String TYPE = "shared-iterations";

    static SharedIterations parse(ConfigReader c) {
        SharedIterations s = new SharedIterations(c.positiveInt("vus", 1), c.positiveInt("iterations", 1),
                c.duration("maxDuration", Duration.ofMinutes(10), true),
                BaseConfig.gracefulStop(c));
        if (s.vus > s.iterations) {
            c.problems().error(c.path("vus"), "must not exceed iterations (" + s.iterations + "), not " + s.vus);
        }
        return s;
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
        AtomicLong taken = new AtomicLong();
        return run.loopEach(vu -> () -> run.elapsedNanos() < end && taken.getAndIncrement() < iterations, maxRunTime());
    }

    @Override
    public Executor segment(Segment segment) {
        // The iteration count must stay exact; a slice with iterations but no VU of its own gets one.
        long its = segment.share(iterations);
        if (its == 0) return null;
        int v = (int) Math.max(1, Math.min(its, segment.share(vus)));
        return new SharedIterations(v, its, maxDuration, gracefulStop);
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
