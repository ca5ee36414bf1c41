package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ramping-arrival-rate}: the iteration rate (per {@code timeUnit}) follows the stages from
 * {@code startRate}; iterations start on schedule (an open model), see {@link ArrivalSchedule}.
 */
public record RampingArrivalRate(Stages stages, Duration timeUnit, int preAllocatedVUs, int maxVUs,
                                 Duration gracefulStop) implements Executor {
    public static final String TYPE = "ramping-arrival-rate";

    static RampingArrivalRate parse(ConfigReader c) {
        c.required("preAllocatedVUs", "for a ramping-arrival-rate scenario (VUs initialised before the start)");
        double startRate = c.number("startRate", 0, 0, Integer.MAX_VALUE, false);
        var list = Stages.parse(c, "stages", false);
        BaseConfig.VuPool pool = BaseConfig.VuPool.parse(c);
        Stages stages = new Stages(startRate, list);
        if (!list.isEmpty() && stages.max() <= 0) c.problems().error(c.path("stages"), "never starts an iteration: every target and startRate are 0");
        return new RampingArrivalRate(stages, c.duration("timeUnit", Duration.ofSeconds(1), true), pool.preAllocated(), pool.max(),
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
        return stages.total().plus(gracefulStop);
    }

    @Override
    public boolean openModel() {
        return true;
    }

    @Override
    public CompletableFuture<Void> start(ScenarioRun run) {
        return new ArrivalSchedule(run, stages, timeUnit, maxVUs, gracefulStop()).begin();
    }

    @Override
    public Executor segment(Segment segment) {
        int pre = Math.max(1, segment.share(preAllocatedVUs));
        return new RampingArrivalRate(stages.map(segment::share), timeUnit, pre, Math.max(pre, segment.share(maxVUs)), gracefulStop);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        double s = stages.start();
        p.put("startRate", s == Math.rint(s) ? (Object) (long) s : (Object) s);
        p.put("timeUnit", Durations.format(timeUnit));
        p.put("stages", stages.describe());
        p.put("preAllocatedVUs", preAllocatedVUs);
        p.put("maxVUs", maxVUs);
        p.put("gracefulStop", Durations.format(gracefulStop));
        return p;
    }
}
