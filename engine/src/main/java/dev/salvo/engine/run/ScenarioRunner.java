package dev.salvo.engine.run;

import dev.salvo.engine.exec.LiveLoad;
import dev.salvo.engine.exec.ScenarioRun;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.plan.Scenario;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Runs one scenario's iteration loops for its executor: the engine side of {@link ScenarioRun}. */
final class ScenarioRunner implements ScenarioRun {
    private final Scenario scenario;
    private final Tags tags;
    private final Run run;
    private final List<VirtualUser> vus = new CopyOnWriteArrayList<>();
    /** Hands out {@link VirtualUser#idInScenario()}, also to VUs added while the scenario runs. */
    private final AtomicInteger inScenario = new AtomicInteger();
    private final Queue<CompletableFuture<Void>> loops = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean interrupted;
    private volatile long startNanos;
    private volatile LiveLoad live;

    /** A runner of {@code scenario} whose samples carry {@code tags}; its VUs come from {@link Run#newVu}. */
    ScenarioRunner(Scenario scenario, Tags tags, Run run) {
        this.scenario = scenario;
        this.tags = tags;
        this.run = run;
    }

    Scenario scenario() {
        return scenario;
    }

    Tags tags() {
        return tags;
    }

    int nextIdInScenario() {
        return inScenario.incrementAndGet();
    }

    /** The VUs initialised before the scenario starts, added at once (a copy-on-write list). */
    void addAll(List<VirtualUser> initial) {
        vus.addAll(initial);
    }

    CompletableFuture<Void> start() {
        startNanos = System.nanoTime();
        // Open models report dropped iterations even when there were none: a threshold on it has data.
        if (scenario.executor().openModel()) run.metrics().add(BuiltinMetrics.DROPPED_ITERATIONS, tags, 0);
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
        onLoop(vu, () -> next(vu, more, done));
        return done;
    }

    private void next(VirtualUser vu, BooleanSupplier more, CompletableFuture<Void> done) {
        if (interrupted || done.isDone() || run.stopping() || !more.getAsBoolean()) {
            vu.idle();
            done.complete(null);
            return;
        }
        vu.claim();
        iteration(vu, -1, done, () -> onLoop(vu, () -> next(vu, more, done)));
    }

    /**
     * Runs {@code task} on the VU's worker. The heap running out anywhere in it (most often in the script's code)
     * stops the run and says why: Netty would only log it, and the VU's iteration would never end.
     */
    private void onLoop(VirtualUser vu, Runnable task) {
        vu.loop().execute(() -> {
            try {
                task.run();
            } catch (OutOfMemoryError e) {
                run.fatal(e);
            }
        });
    }

    /** Starts one iteration of {@code vu} (on its loop); {@code after} runs when it ends normally. */
    private void iteration(VirtualUser vu, long intendedStart, CompletableFuture<Void> owner, Runnable after) {
        long start = System.nanoTime();
        vu.begin(owner, intendedStart < 0 ? -1 : Math.max(0, start - startNanos - intendedStart));
        inFlight.incrementAndGet();
        iterate(vu, owner, start, after);
    }

    private void iterate(VirtualUser vu, CompletableFuture<Void> owner, long start, Runnable after) {
        run.script().iterate(vu, error -> {
            vu.returned();
            if (interrupted || owner.isDone()) return; // already counted as interrupted
            inFlight.decrementAndGet();
            run.metrics().add(BuiltinMetrics.ITERATION_DURATION, tags, (System.nanoTime() - start) / 1e6);
            run.metrics().add(BuiltinMetrics.ITERATIONS, tags, 1);
            if (error != null) run.errors().add(error);
            run.iterationEnded(vu);
            after.run();
        });
    }

    @Override
    public CompletableFuture<VirtualUser> addVu() {
        return run.newVu(this).thenApply(vu -> {
            vus.add(vu);
            return vu;
        });
    }

    @Override
    public CompletableFuture<Void> iterateOnce(VirtualUser vu, long intendedStartNanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(vu, () -> {
            if (interrupted || run.stopping()) {
                done.complete(null);
                return;
            }
            iteration(vu, intendedStartNanos, done, () -> {
                vu.idle();
                done.complete(null);
            });
        });
        return done;
    }

    @Override
    public void interrupt(VirtualUser vu) {
        onLoop(vu, () -> {
            CompletableFuture<Void> owner = vu.iterationEnd();
            if (interrupted || owner == null || owner.isDone()) return;
            if (vu.busy()) {
                inFlight.decrementAndGet();
                run.interrupted(1);
            }
            vu.idle();
            owner.complete(null);
        });
    }

    @Override
    public void dropIteration() {
        run.metrics().add(BuiltinMetrics.DROPPED_ITERATIONS, tags, 1);
    }

    @Override
    public void live(LiveLoad load) {
        live = load;
    }

    /** The load to change while the scenario runs, or null (not started, or its executor cannot change). */
    LiveLoad liveLoad() {
        return live;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        run.schedule(task, delayNanos);
    }

    @Override
    public CompletableFuture<Void> endBy(CompletableFuture<Void> vusDone, LongSupplier hardStopNanos) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        vusDone.whenComplete((v, e) -> ended.complete(null));
        hardStopAt(ended, hardStopNanos);
        return ended;
    }

    /** At the hard stop, interrupts what still runs; a stop moved later meanwhile is waited for again. */
    private void hardStopAt(CompletableFuture<Void> ended, LongSupplier hardStopNanos) {
        run.schedule(() -> {
            if (ended.isDone()) return;
            if (hardStopNanos.getAsLong() > elapsedNanos()) {
                hardStopAt(ended, hardStopNanos);
            } else {
                interrupt();
                ended.complete(null);
            }
        }, hardStopNanos.getAsLong() - elapsedNanos());
    }

    /** Ends every loop now; iterations still running are counted as interrupted. */
    void interrupt() {
        if (interrupted) return;
        interrupted = true;
        run.interrupted(Math.max(0, inFlight.getAndSet(0)));
        List<VirtualUser> running = vus.stream().filter(VirtualUser::busy).toList();
        // Off the clock: a VU whose code never yields is stopped from outside its worker.
        if (!running.isEmpty()) Thread.ofVirtual().name("salvo-cancel-" + scenario.name()).start(() -> running.forEach(run.script()::cancel));
        for (VirtualUser vu : vus) {
            vu.idle();
            CompletableFuture<Void> owner = vu.iterationEnd();
            if (owner != null) owner.complete(null);
        }
        for (CompletableFuture<Void> f : loops) f.complete(null);
    }
}
