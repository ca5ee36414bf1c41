package dev.salvo.engine.run;

import dev.salvo.engine.exec.ScenarioRun;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.plan.Scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/** Runs one scenario's iteration loops for its executor: the engine side of {@link ScenarioRun}. */
final class ScenarioRunner implements ScenarioRun {
    private final Scenario scenario;
    private final List<VirtualUser> vus;
    private final java.util.function.Supplier<CompletableFuture<VirtualUser>> newVu;
    private final ScriptRuntime script;
    private final Metrics metrics;
    private final Tags tags;
    private final ScheduledExecutorService clock;
    private final Run run;
    private final Queue<CompletableFuture<Void>> loops = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder interruptedIterations;
    private final Map<String, LongAdder> errors;
    private volatile boolean interrupted;
    private long startNanos;

    ScenarioRunner(Scenario scenario, List<VirtualUser> vus, ScriptRuntime script, Metrics metrics, Tags tags,
                   ScheduledExecutorService clock, Run run, LongAdder interruptedIterations, Map<String, LongAdder> errors,
                   java.util.function.Supplier<CompletableFuture<VirtualUser>> newVu) {
        this.scenario = scenario;
        this.vus = new java.util.concurrent.CopyOnWriteArrayList<>(vus);
        this.newVu = newVu;
        this.script = script;
        this.metrics = metrics;
        this.tags = tags;
        this.clock = clock;
        this.run = run;
        this.interruptedIterations = interruptedIterations;
        this.errors = errors;
    }

    CompletableFuture<Void> start() {
        startNanos = System.nanoTime();
        // Open models report dropped iterations even when there were none: a threshold on it has data.
        if (scenario.executor().openModel()) metrics.add(BuiltinMetrics.DROPPED_ITERATIONS, tags, 0);
        return scenario.executor().start(this);
    }

    @Override
    public String name() {
        return scenario.name();
    }

    @Override
    public List<VirtualUser> vus() {
        return vus;
    }

    @Override
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    @Override
    public boolean stopping() {
        return run.stopping();
    }

    @Override
    public CompletableFuture<Void> loop(VirtualUser vu, BooleanSupplier more) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loops.add(done);
        vu.loop().execute(() -> next(vu, more, done));
        return done;
    }

    private void next(VirtualUser vu, BooleanSupplier more, CompletableFuture<Void> done) {
        if (interrupted || done.isDone() || run.stopping() || !more.getAsBoolean()) {
            vu.active(false);
            vu.looping(false);
            done.complete(null);
            return;
        }
        vu.looping(true);
        iteration(vu, -1, done, () -> vu.loop().execute(() -> next(vu, more, done)));
    }

    /** Starts one iteration of {@code vu} (on its loop); {@code after} runs when it ends normally. */
    private void iteration(VirtualUser vu, long intendedStart, CompletableFuture<Void> owner, Runnable after) {
        vu.active(true);
        vu.busy(true);
        vu.iterationEnd(owner);
        vu.startIteration();
        long start = System.nanoTime();
        vu.scheduleLagNanos(intendedStart < 0 ? -1 : Math.max(0, start - startNanos - intendedStart));
        inFlight.incrementAndGet();
        script.iterate(vu, error -> {
            vu.busy(false);
            if (interrupted || owner.isDone()) return; // already counted as interrupted
            inFlight.decrementAndGet();
            metrics.add(BuiltinMetrics.ITERATION_DURATION, tags, (System.nanoTime() - start) / 1e6);
            metrics.add(BuiltinMetrics.ITERATIONS, tags, 1);
            if (error != null) errors.computeIfAbsent(error, k -> new LongAdder()).increment();
            run.iterationEnded(vu);
            after.run();
        });
    }

    @Override
    public CompletableFuture<VirtualUser> addVu() {
        return newVu.get().thenApply(vu -> {
            vus.add(vu);
            return vu;
        });
    }

    @Override
    public CompletableFuture<Void> iterateOnce(VirtualUser vu, long intendedStartNanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vu.loop().execute(() -> {
            if (interrupted || run.stopping()) {
                done.complete(null);
                return;
            }
            iteration(vu, intendedStartNanos, done, () -> {
                vu.active(false);
                done.complete(null);
            });
        });
        return done;
    }

    @Override
    public void interrupt(VirtualUser vu) {
        vu.loop().execute(() -> {
            CompletableFuture<Void> owner = vu.iterationEnd();
            if (interrupted || owner == null || owner.isDone()) return;
            if (vu.busy()) {
                inFlight.decrementAndGet();
                interruptedIterations.increment();
            }
            vu.active(false);
            vu.looping(false);
            owner.complete(null);
        });
    }

    @Override
    public void dropIteration() {
        metrics.add(BuiltinMetrics.DROPPED_ITERATIONS, tags, 1);
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        if (clock.isShutdown()) return;
        try {
            clock.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // the run has ended
        }
    }

    @Override
    public CompletableFuture<Void> endBy(CompletableFuture<Void> vusDone, Duration hardStop) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        vusDone.whenComplete((v, e) -> ended.complete(null));
        long wait = hardStop.toNanos() - elapsedNanos();
        clock.schedule(() -> {
            if (!ended.isDone()) {
                interrupt();
                ended.complete(null);
            }
        }, Math.max(0, wait), TimeUnit.NANOSECONDS);
        return ended;
    }

    /** Ends every loop now; iterations still running are counted as interrupted. */
    void interrupt() {
        if (interrupted) return;
        interrupted = true;
        interruptedIterations.add(Math.max(0, inFlight.getAndSet(0)));
        for (VirtualUser vu : vus) {
            vu.active(false);
            vu.looping(false);
            CompletableFuture<Void> owner = vu.iterationEnd();
            if (owner != null) owner.complete(null);
        }
        for (CompletableFuture<Void> f : loops) f.complete(null);
    }
}
