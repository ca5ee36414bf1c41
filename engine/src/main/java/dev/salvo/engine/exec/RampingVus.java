package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * {@code ramping-vus}: the number of looping VUs follows the stages, from {@code startVUs}. VU number
 * {@code i} of the scenario loops while the target is at least {@code i}; a VU ramped down finishes its
 * iteration within {@code gracefulRampDown}, then it is interrupted (counted as such).
 */
public record RampingVus(Stages stages, Duration gracefulRampDown, Duration gracefulStop) implements Executor {
    public static final String TYPE = "ramping-vus";
    /** How often the target is re-read; stages change the VU count at most this late. */
    static final long TICK_NANOS = 10_000_000;
    /** The tick while the target holds for at least that long and no VU waits to start. */
    private static final long IDLE_TICK_NANOS = 100_000_000;

    static RampingVus parse(ConfigReader c) {
        int start = c.nonNegativeInt("startVUs", 1);
        List<Stages.Stage> list = Stages.parse(c, "stages", true);
        RampingVus r = new RampingVus(new Stages(start, list), c.duration("gracefulRampDown", BaseConfig.DEFAULT_GRACEFUL_STOP, false),
                BaseConfig.gracefulStop(c));
        if (!list.isEmpty() && r.maxVus() == 0) c.problems().error(c.path("stages"), "never has a VU: every target and startVUs are 0");
        return r;
    }

    /** Locust's {@code -u N -r R -t T}: ramp to {@code users} at {@code spawnRate} per second, hold until {@code runTime}. */
    public static RampingVus locust(int users, double spawnRate, Duration runTime, Duration gracefulStop) {
        long rampNanos = (long) Math.ceil(users / spawnRate * 1e9);
        List<Stages.Stage> list = new ArrayList<>();
        if (rampNanos >= runTime.toNanos()) {
            list.add(new Stages.Stage(runTime, spawnRate * runTime.toNanos() / 1e9));
        } else {
            list.add(new Stages.Stage(Duration.ofNanos(rampNanos), users));
            list.add(new Stages.Stage(runTime.minusNanos(rampNanos), users));
        }
        return new RampingVus(new Stages(0, list), Duration.ZERO, gracefulStop);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxVus() {
        return (int) Math.floor(stages.max());
    }

    @Override
    public Duration maxRunTime() {
        return stages.total().plus(gracefulStop);
    }

    @Override
    public CompletableFuture<Void> start(ScenarioRun run) {
        return new Schedule(run).begin();
    }

    /**
     * The running state: which VUs may loop now, re-read every tick on the run's clock. The stages can
     * change while it runs ({@link LiveLoad}): then VUs are added when the target passes those there are.
     */
    private final class Schedule implements LiveLoad {
        private final ScenarioRun run;
        private volatile Stages current = stages;
        private volatile long end = stages.total().toNanos();
        private final List<CompletableFuture<Void>> loops = new ArrayList<>();
        private final CompletableFuture<Void> scheduleDone = new CompletableFuture<>();
        private final AtomicInteger adding = new AtomicInteger();
        private volatile int allowed;

        Schedule(ScenarioRun run) {
            this.run = run;
        }

        CompletableFuture<Void> begin() {
            run.live(this);
            tick();
            // Every loop started by the end of the stages must end too.
            CompletableFuture<Void> all = scheduleDone.thenCompose(v -> {
                synchronized (loops) {
                    return CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new));
                }
            });
            return run.endBy(all, () -> end + gracefulStop.toNanos());
        }

        @Override
        public String unit() {
            return "vus";
        }

        @Override
        public double target() {
            return Math.floor(current.at(run.elapsedNanos()) + 1e-9);
        }

        @Override
        public void retarget(double target, Duration ramp) {
            long now = run.elapsedNanos();
            current = current.retarget(now, target, Duration.ofNanos(Math.max(0, Math.min(ramp.toNanos(), end - now))));
        }

        @Override
        public long endNanos() {
            return end;
        }

        @Override
        public void endAt(long endNanos) {
            current = current.until(endNanos);
            end = endNanos;
        }

        private void tick() {
            long now = run.elapsedNanos();
            if (now >= end || run.stopping()) {
                allowed = 0;
                scheduleDone.complete(null);
                return;
            }
            Stages s = current;
            int target = (int) Math.floor(s.at(now) + 1e-9);
            int before = allowed;
            allowed = target;
            boolean waiting = false;
            List<VirtualUser> vus = run.vus();
            for (VirtualUser vu : vus) {
                // A VU still returning from an interrupted iteration is started on a later tick.
                if (vu.idInScenario() <= target && !vu.looping()) {
                    if (vu.busy()) waiting = true;
                    else startLoop(vu);
                }
                if (target < before && vu.idInScenario() > target && vu.idInScenario() <= before) rampDown(vu);
            }
            for (int missing = target - vus.size() - adding.get(); missing > 0; missing--) {
                adding.incrementAndGet();
                waiting = true;
                run.addVu().whenComplete((vu, e) -> adding.decrementAndGet());
            }
            // While the target holds and no VU waits to start, the clock need not wake 100 times a second.
            long idle = Math.min(IDLE_TICK_NANOS, end - now);
            boolean steady = !waiting && (int) Math.floor(s.at(now + idle) + 1e-9) == target && s == current;
            run.schedule(this::tick, steady ? idle : TICK_NANOS);
        }

        private void startLoop(VirtualUser vu) {
            vu.claim();
            int index = vu.idInScenario();
            BooleanSupplier more = () -> allowed >= index && run.elapsedNanos() < end;
            CompletableFuture<Void> loop = run.loop(vu, more);
            synchronized (loops) {
                loops.add(loop);
            }
        }

        /** The VU stops after its iteration; if that takes longer than gracefulRampDown, it is interrupted. */
        private void rampDown(VirtualUser vu) {
            int index = vu.idInScenario();
            run.schedule(() -> {
                if (allowed < index && vu.busy() && run.elapsedNanos() < end) run.interrupt(vu);
            }, gracefulRampDown.toNanos());
        }
    }

    @Override
    public Executor segment(Segment segment) {
        Stages s = stages.map(t -> (double) segment.share(Math.round(t)));
        return s.max() < 1 ? null : new RampingVus(s, gracefulRampDown, gracefulStop);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("startVUs", (long) stages.start());
        p.put("stages", stages.describe());
        p.put("gracefulRampDown", Durations.format(gracefulRampDown));
        p.put("gracefulStop", Durations.format(gracefulStop));
        return p;
    }
}
