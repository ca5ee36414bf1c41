package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code constant-arrival-rate}: {@code rate} iterations per {@code timeUnit} for {@code duration},
 * started on schedule whatever the target's latency (an open model); see {@link ArrivalSchedule}.
 */
public record ConstantArrivalRate(double rate, Duration timeUnit, Duration duration, int preAllocatedVUs, int maxVUs,
                                  Duration gracefulStop) implements Executor {
    public static final String TYPE = "constant-arrival-rate";

    static ConstantArrivalRate parse(ConfigReader c) {
        c.required("rate", "for a constant-arrival-rate scenario (iterations per timeUnit)");
        c.required("duration", "for a constant-arrival-rate scenario");
        c.required("preAllocatedVUs", "for a constant-arrival-rate scenario (VUs initialised before the start)");
        double rate = c.number("rate", 1, 0, Integer.MAX_VALUE, false);
        if (rate == 0) {
            c.problems().error(c.path("rate"), "must be > 0, not 0");
            rate = 1;
        }
        BaseConfig.VuPool pool = BaseConfig.VuPool.parse(c);
        return new ConstantArrivalRate(rate, c.duration("timeUnit", Duration.ofSeconds(1), true),
                c.duration("duration", Duration.ofSeconds(1), true), pool.preAllocated(), pool.max(),
                BaseConfig.gracefulStop(c));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Only the pre-allocated VUs are initialised before the start; more are added up to {@code maxVUs}. */
    @Override
    public int maxVus() {
        return preAllocatedVUs;
    }

    @Override
    public int vuCapacity() {
        return maxVUs;
    }

    @Override
    public Duration maxRunTime() {
        return duration.plus(gracefulStop);
    }

    @Override
    public boolean openModel() {
        return true;
    }

    @Override
    public CompletableFuture<Void> start(ScenarioRun run) {
        Stages constant = new Stages(rate, List.of(new Stages.Stage(duration, rate)));
        return new ArrivalSchedule(run, constant, timeUnit, maxVUs, gracefulStop()).begin();
    }

    @Override
    public Executor segment(Segment segment) {
        int pre = Math.max(1, segment.share(preAllocatedVUs));
        return new ConstantArrivalRate(segment.share(rate), timeUnit, duration, pre, Math.max(pre, segment.share(maxVUs)), gracefulStop);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rate", rate == Math.rint(rate) ? (Object) (long) rate : (Object) rate);
        p.put("timeUnit", Durations.format(timeUnit));
        p.put("duration", Durations.format(duration));
        p.put("preAllocatedVUs", preAllocatedVUs);
        p.put("maxVUs", maxVUs);
        p.put("gracefulStop", Durations.format(gracefulStop));
        return p;
    }
}
