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
                   ScheduledExecutorService clock, Run run, LongAdder interruptedIterations, Map<String, LongAdder> errors) {
        this.scenario = scenario;
        this.vus = vus;
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
            done.complete(null);
            return;
        }
        vu.active(true);
        vu.startIteration();
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        script.iterate(vu, error -> {
            if (interrupted || done.isDone()) return; // already counted as interrupted
            inFlight.decrementAndGet();
            metrics.add(BuiltinMetrics.ITERATION_DURATION, tags, (System.nanoTime() - start) / 1e6);
            metrics.add(BuiltinMetrics.ITERATIONS, tags, 1);
            if (error != null) errors.computeIfAbsent(error, k -> new LongAdder()).increment();
            vu.loop().execute(() -> next(vu, more, done));
        });
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
        for (VirtualUser vu : vus) vu.active(false);
        for (CompletableFuture<Void> f : loops) f.complete(null);
    }
}
