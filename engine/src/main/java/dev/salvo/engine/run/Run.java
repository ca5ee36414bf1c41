package dev.salvo.engine.run;

import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.Version;
import dev.salvo.engine.exec.LiveLoad;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.http.Compression;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.metrics.ErrorCounts;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Sampler;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.monitor.GeneratorHealth;
import dev.salvo.engine.monitor.Saturation;
import dev.salvo.engine.plan.ClientOptions;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import static dev.salvo.engine.metrics.BuiltinMetrics.VUS;
import static dev.salvo.engine.metrics.BuiltinMetrics.VUS_MAX;

/**
 * One test run: initialises every scenario's VUs on their workers, starts the scenarios at their
 * start times, waits for them (or for {@link #stop}), and returns what was measured.
 */
public final class Run {
    /** How long in-flight iterations get after Ctrl-C before they are interrupted. */
    private static final Duration STOP_GRACE = Duration.ofMillis(500);
    /** How long per-VU stop hooks (user()'s onStop) get when the run ends. */
    private static final Duration STOP_HOOKS_TIMEOUT = Duration.ofSeconds(5);
    private static final long RESERVE_BYTES = 16 << 20;
    private static final long AWAIT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** How long closing the VUs (contexts, connections) may take. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Plan plan;
    private final Workers workers;
    private final ScriptRuntime script;
    private final Metrics metrics;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salvo-clock");
        t.setDaemon(true);
        return t;
    });
    /**
     * Every VU, initialised before the run (by the thread that calls {@link #execute}) or during it
     * (arrival-rate executors growing towards maxVUs, on the VU's loop); read from any thread.
     */
    private final Queue<VirtualUser> vus = new ConcurrentLinkedQueue<>();
    private final AtomicInteger vuCount = new AtomicInteger();
    private final AtomicInteger nextVuId = new AtomicInteger();
    private final Map<VirtualUser, VuServices> services = new ConcurrentHashMap<>();
    /** Written by {@link #execute}'s thread before any scenario starts; read after. */
    private final List<ScenarioRunner> runners = new ArrayList<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final LongAdder interruptedIterations = new LongAdder();
    private final ErrorCounts errors = new ErrorCounts();
    private volatile boolean stopping;
    private final List<IntervalListener> intervalListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> liveWarnings = w -> {};
    private volatile Consumer<String> fatal = e -> {};
    /** Memory set aside for ending the run well when the heap runs out: dropped on the first OutOfMemoryError. */
    private volatile byte[] reserve;
    private volatile HttpConfig http;

    public Run(Plan plan, Workers workers, ScriptRuntime script, Metrics metrics) {
        this.plan = plan;
        this.workers = workers;
        this.script = script;
        this.metrics = metrics;
    }

    /** Starts VU ids after {@code offset} (VUs of earlier segments); call before {@link #execute}. */
    public Run vuIdOffset(int offset) {
        nextVuId.set(offset);
        return this;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Adds a receiver of each second's intervals (reports, live progress); call before {@link #execute}. */
    public void addIntervalListener(IntervalListener listener) {
        intervalListeners.add(listener);
    }

    /** Receives warnings the moment they arise, such as a saturated generator; call before {@link #execute}. */
    public void onWarning(Consumer<String> liveWarnings) {
        this.liveWarnings = liveWarnings;
    }

    /** Active VUs per scenario right now, for the live progress line; read from any thread. */
    public Map<String, Integer> activeVusByScenario() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Scenario s : plan.scenarios()) out.put(s.name(), 0);
        for (VirtualUser vu : vus) if (vu.active()) out.merge(vu.scenario(), 1, Integer::sum);
        return out;
    }

    /**
     * Receives why the run cannot go on (a worker out of memory), once; the run then stops by
     * itself. Call before {@link #execute}.
     */
    public void onFatal(Consumer<String> fatal) {
        this.fatal = fatal;
    }

    /** A worker hit {@code e}: the run stops; an OutOfMemoryError first frees the reserve, so results can still be written. */
    void fatal(Throwable e) {
        boolean first = reserve != null;
        reserve = null;
        if (!first && stopping) return;
        boolean heap = e instanceof OutOfMemoryError;
        String why;
        try {
            why = heap ? "a worker ran out of memory (" + e.getMessage() + ")" : "a worker failed: " + e;
        } catch (OutOfMemoryError again) {
            why = heap ? "a worker ran out of memory" : "a worker failed"; // constants: nothing to allocate
        }
        try {
            fatal.accept(why);
        } finally {
            stop();
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** Stops the run from any thread (Ctrl-C, SIGTERM): no new iteration starts, running ones get a moment. */
    public void stop() {
        if (stopping) return;
        stopping = true;
        schedule(() -> {
            runners.forEach(ScenarioRunner::interrupt);
            stopped.complete(null);
        }, STOP_GRACE.toNanos());
    }

    /** Runs {@code task} on the run's clock after {@code delayNanos}; nothing once the run has ended. */
    void schedule(Runnable task, long delayNanos) {
        try {
            clock.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException ended) {
            // the run has ended: its scenarios are over and nothing is left to stop
        }
    }

    /** The scenarios under way whose load can change now (by name), for the web UI's {@code POST /api/load}. */
    public Map<String, LiveLoad> liveLoads() {
        Map<String, LiveLoad> out = new LinkedHashMap<>();
        for (ScenarioRunner r : List.copyOf(runners)) {
            LiveLoad l = r.liveLoad();
            if (l != null) out.put(r.name(), l);
        }
        return out;
    }

    /**
     * Waits for {@code end}, and stops the run if a worker died without saying so: its uncaught-exception
     * handler can run the heap out again before it reaches {@link #fatal}.
     */
    private void awaitEnd(CompletableFuture<?> end) throws InterruptedException, ExecutionException {
        // Parks rather than a timed get: that allocates, and this thread must not be the one the heap fails.
        while (!end.isDone()) {
            LockSupport.parkNanos(AWAIT_POLL_NANOS);
            if (Thread.interrupted()) throw new InterruptedException();
            Throwable died = workers.died();
            if (died != null && !stopping) fatal(died);
        }
        end.get();
    }

    /** Runs the plan on the calling thread; returns when every scenario has ended or the run was stopped. */
    public RunResult execute() throws ScriptFailure, InterruptedException {
        reserve = new byte[(int) Math.min(RESERVE_BYTES, Runtime.getRuntime().maxMemory() / 20)];
        workers.onFatal(this::fatal);
        initVus();
        // The clock starts once every VU exists: rates are over the measured time, not VU allocation.
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        long t1;
        metrics.add(VUS_MAX, Tags.EMPTY, vuCount.get());
        Saturation saturation = new Saturation(Runtime.getRuntime().availableProcessors(), liveWarnings);
        List<IntervalListener> listeners = new ArrayList<>(intervalListeners);
        listeners.add(saturation);
        try (GeneratorHealth health = new GeneratorHealth(metrics, workers.loops(), script.runtimeName());
             Sampler sampler = new Sampler(metrics, 1000, () -> {
                 sampleVus();
                 health.sample();
             }, listeners)) {
            List<CompletableFuture<Void>> scenarios = new ArrayList<>();
            for (ScenarioRunner r : runners) scenarios.add(startAt(r));
            CompletableFuture<Void> all = CompletableFuture.allOf(scenarios.toArray(CompletableFuture[]::new));
            awaitEnd(CompletableFuture.anyOf(all, stopped));
            t1 = System.nanoTime();
            JsCompilations js = script.compilations();
            health.finish(js.count(), js.tier(), js.seconds(), js.failed());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            closeVus();
            clock.shutdownNow();
        }
        String saturated = saturation.verdict();
        if (saturated != null) metrics.warn(saturated);
        Duration elapsed = Duration.ofNanos(t1 - t0);
        return new RunResult(plan, start, elapsed, metrics.aggregates(), errors.snapshot(), interruptedIterations.sum(), stopping);
    }

    private CompletableFuture<Void> startAt(ScenarioRunner r) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        schedule(() -> {
            if (stopping) {
                done.complete(null);
                return;
            }
            r.start().whenComplete((v, e) -> done.complete(null));
        }, r.scenario().startTime().toNanos());
        return done;
    }

    private void sampleVus() {
        metrics.add(VUS, Tags.EMPTY, activeVus());
    }

    /** Called on the VU's loop after each iteration: {@code noVUConnectionReuse} closes its connections. */
    void iterationEnded(VirtualUser vu) {
        if (!plan.client().connections().noVuConnectionReuse()) return;
        VuServices vs = services.get(vu);
        if (vs != null) vs.http().closeIdleConnections();
    }

    /** VUs running an iteration now, for the {@code vus} gauge and for finer views of the schedule. */
    public long activeVus() {
        long active = 0;
        for (VirtualUser vu : vus) if (vu.active()) active++;
        return active;
    }

    /** Every VU initialised so far, before the run and during it. */
    public int initialisedVus() {
        return vuCount.get();
    }

    /** Creates one more VU of {@code runner}'s scenario on its worker while the run goes on. */
    CompletableFuture<VirtualUser> newVu(ScenarioRunner runner) {
        VirtualUser vu = vu(runner);
        return CompletableFuture.supplyAsync(() -> {
            initVu(vu, runner);
            metrics.add(VUS_MAX, Tags.EMPTY, vuCount.get());
            return vu;
        }, vu.loop());
    }

    private VirtualUser vu(ScenarioRunner runner) {
        int id = nextVuId.incrementAndGet();
        VirtualUser vu = new VirtualUser(id, runner.nextIdInScenario(), runner.scenario().name(), workers.get(id - 1));
        vus.add(vu);
        vuCount.incrementAndGet();
        return vu;
    }

    /** The VU's services and script, on its loop. */
    private void initVu(VirtualUser vu, ScenarioRunner runner) {
        Scenario s = runner.scenario();
        VuServices vs = VuServices.create(vu.loop(), http, metrics, runner.tags(), vu, s.executor().openModel());
        services.put(vu, vs);
        try {
            script.initVu(vu, s, vs);
        } catch (ScriptFailure f) {
            throw new CompletionException(f);
        }
    }

    private void initVus() throws ScriptFailure, InterruptedException {
        http = httpConfig(plan);
        List<CompletableFuture<Void>> inits = new ArrayList<>();
        for (Scenario s : plan.scenarios()) {
            Map<String, String> t = new LinkedHashMap<>(plan.tags());
            t.putAll(s.tags());
            t.put("scenario", s.name());
            ScenarioRunner runner = new ScenarioRunner(s, Tags.of(t), this);
            List<VirtualUser> initial = new ArrayList<>();
            for (int i = 1; i <= s.executor().maxVus(); i++) {
                VirtualUser vu = vu(runner);
                initial.add(vu);
                inits.add(CompletableFuture.runAsync(() -> initVu(vu, runner), vu.loop()));
            }
            runner.addAll(initial);
            runners.add(runner);
        }
        try {
            CompletableFuture.allOf(inits.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            closeVus();
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof ScriptFailure f) throw f;
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The HTTP client settings a plan asks for. Loads the native codecs (br, zstd) on the way, off the
     * event loops, so the first request does not pay for it.
     */
    public static HttpConfig httpConfig(Plan plan) {
        Compression.acceptEncoding();
        String userAgent = plan.userAgent() != null ? plan.userAgent() : "salvo/" + Version.get();
        ClientOptions client = plan.client();
        return new HttpConfig(userAgent, plan.discardResponseBodies(), Duration.ofSeconds(10), client.tls(), client.http2(),
                client.connections(), client.noCookiesReset(), client.batch(), client.batchPerHost(), client.maxResponseBodySize());
    }

    /** Runs every VU's stop hook (user()'s onStop) that ran an iteration, for a few seconds at most. */
    private void stopHooks(List<VirtualUser> vus) {
        if (stopping) return;
        List<CompletableFuture<?>> stops = new ArrayList<>();
        for (VirtualUser vu : vus) {
            if (vu.iterations() == 0 || vu.busy()) continue;
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            vu.loop().execute(() -> script.stopVu(vu, () -> stopped.complete(null)));
            stops.add(stopped);
        }
        // a hook that hangs or fails must not hold the run: its VU is closed next
        awaitAll(stops, STOP_HOOKS_TIMEOUT);
    }

    private void closeVus() {
        List<CompletableFuture<?>> closes = new ArrayList<>();
        List<VirtualUser> everyVu = new ArrayList<>(vus);
        stopHooks(everyVu);
        for (VirtualUser vu : everyVu) {
            closes.add(CompletableFuture.runAsync(() -> {
                script.closeVu(vu);
                VuServices vs = services.remove(vu);
                if (vs != null) {
                    vs.ws().close();
                    vs.sse().close();
                    vs.http().close();
                }
            }, vu.loop()));
        }
        // closing is best effort: the workers are shut down next anyway
        awaitAll(closes, CLOSE_TIMEOUT);
    }

    /** Waits for {@code futures} up to {@code timeout}; failures and a timeout are left to the caller's next step. */
    private static void awaitAll(List<CompletableFuture<?>> futures, Duration timeout) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // see the callers: neither a failed hook nor a slow close stops the run from ending
        }
    }

    ScriptRuntime script() {
        return script;
    }

    ErrorCounts errors() {
        return errors;
    }

    /** Iterations that were running when their scenario was stopped. */
    void interrupted(long iterations) {
        interruptedIterations.add(iterations);
    }
}
