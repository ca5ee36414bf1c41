package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code constant-vus}: a fixed number of VUs loop over iterations for a duration. */
public record ConstantVus(int vus, Duration duration, Duration gracefulStop) implements Executor {
    public static final String TYPE = "constant-vus";

    static ConstantVus parse(ConfigReader c) {
        c.required("duration", "for a constant-vus scenario");
        return new ConstantVus(c.positiveInt("vus", 1), c.duration("duration", Duration.ofSeconds(1), true),
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
        return duration.plus(gracefulStop);
    }

    @Override
    public CompletableFuture<Void> start(ScenarioRun run) {
        long end = duration.toNanos();
        return run.loopEach(vu -> () -> run.elapsedNanos() < end, maxRunTime());
    }

    @Override
    public Executor segment(Segment segment) {
        int v = segment.share(vus);
        return v == 0 ? null : new ConstantVus(v, duration, gracefulStop);
    }

    /** The same load as ramping-vus with one flat stage, whose VU count can then change while it runs. */
    @Override
    public Executor live() {
        return new RampingVus(new Stages(vus, List.of(new Stages.Stage(duration, vus))), BaseConfig.DEFAULT_GRACEFUL_STOP, gracefulStop);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vus", vus);
        p.put("duration", Durations.format(duration));
        p.put("gracefulStop", Durations.format(gracefulStop));
        return p;
    }
}
