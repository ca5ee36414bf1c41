package dev.salvo.engine.run;

import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.Version;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.http.HttpConfig;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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

    private final Plan plan;
    private final Workers workers;
    private final ScriptRuntime script;
    private final Metrics metrics;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salvo-clock");
        t.setDaemon(true);
        return t;
    });
    private final List<VirtualUser> allVus = new ArrayList<>();
    /** VUs added while the run goes on (arrival-rate executors growing towards maxVUs). */
    private final java.util.Queue<VirtualUser> lateVus = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger nextVuId = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<VirtualUser, VuServices> services = new ConcurrentHashMap<>();
    private final List<ScenarioRunner> runners = new ArrayList<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final LongAdder interruptedIterations = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final List<dev.salvo.engine.metrics.IntervalListener> intervalListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Consumer<String> liveWarnings = w -> {};

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
    public void addIntervalListener(dev.salvo.engine.metrics.IntervalListener listener) {
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
        // allVus may still grow while VUs are initialised: read by index, tolerate a stale size.
        for (int i = 0, n = allVus.size(); i < n; i++) {
            VirtualUser vu;
            try {
                vu = allVus.get(i);
            } catch (IndexOutOfBoundsException e) {
                break;
            }
            if (vu != null && vu.active()) out.merge(vu.scenario(), 1, Integer::sum);
        }
        for (VirtualUser vu : lateVus) if (vu.active()) out.merge(vu.scenario(), 1, Integer::sum);
        return out;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Stops the run from any thread (Ctrl-C, SIGTERM): no new iteration starts, running ones get a moment. */
    public void stop() {
        if (stopping) return;
        stopping = true;
        clock.schedule(() -> {
            runners.forEach(ScenarioRunner::interrupt);
            stopped.complete(null);
        }, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the plan on the calling thread; returns when every scenario has ended or the run was stopped. */
    public RunResult execute() throws ScriptFailure, InterruptedException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        initVus();
        metrics.add(VUS_MAX, Tags.EMPTY, allVus.size());
        Saturation saturation = new Saturation(Runtime.getRuntime().availableProcessors(), liveWarnings);
        List<dev.salvo.engine.metrics.IntervalListener> listeners = new ArrayList<>(intervalListeners);
        listeners.add(saturation);
        try (GeneratorHealth health = new GeneratorHealth(metrics, workers.loops(), script.runtimeName());
             Sampler sampler = new Sampler(metrics, 1000, () -> {
                 sampleVus();
                 health.sample();
             }, listeners)) {
            List<CompletableFuture<Void>> scenarios = new ArrayList<>();
            for (ScenarioRunner r : runners) scenarios.add(startAt(r));
            CompletableFuture<Void> all = CompletableFuture.allOf(scenarios.toArray(CompletableFuture[]::new));
            CompletableFuture.anyOf(all, stopped).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            closeVus();
            clock.shutdownNow();
        }
        String saturated = saturation.verdict();
        if (saturated != null) metrics.warn(saturated);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        return new RunResult(plan, start, elapsed, metrics.aggregates(), errorCounts, interruptedIterations.sum(), stopping);
    }

    private CompletableFuture<Void> startAt(ScenarioRunner r) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Scenario s = plan.scenarios().get(runners.indexOf(r));
        clock.schedule(() -> {
            if (stopping) {
                done.complete(null);
                return;
            }
            r.start().whenComplete((v, e) -> done.complete(null));
        }, s.startTime().toNanos(), TimeUnit.NANOSECONDS);
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
        for (VirtualUser vu : allVus) if (vu.active()) active++;
        for (VirtualUser vu : lateVus) if (vu.active()) active++;
        return active;
    }

    /** Every VU initialised so far, before the run and during it. */
    public int initialisedVus() {
        return allVus.size() + lateVus.size();
    }

    /** Creates one more VU of scenario {@code s} on its worker while the run goes on. */
    private CompletableFuture<VirtualUser> addVu(Scenario s, Tags tags, HttpConfig http, java.util.concurrent.atomic.AtomicInteger inScenario) {
        int id = nextVuId.incrementAndGet();
        VirtualUser vu = new VirtualUser(id, inScenario.incrementAndGet(), s.name(), workers.get(id - 1));
        return CompletableFuture.supplyAsync(() -> {
            VuServices vs = VuServices.create(vu.loop(), http, metrics, tags, vu, s.executor().openModel());
            services.put(vu, vs);
            try {
                script.initVu(vu, s, vs);
            } catch (ScriptFailure f) {
                throw new java.util.concurrent.CompletionException(f);
            }
            lateVus.add(vu);
            metrics.add(VUS_MAX, Tags.EMPTY, initialisedVus());
            return vu;
        }, vu.loop());
    }

    private void initVus() throws ScriptFailure, InterruptedException {
        HttpConfig http = httpConfig(plan);
        List<CompletableFuture<Void>> inits = new ArrayList<>();
        for (Scenario s : plan.scenarios()) {
            Map<String, String> t = new LinkedHashMap<>(plan.tags());
            t.putAll(s.tags());
            t.put("scenario", s.name());
            Tags tags = Tags.of(t);
            List<VirtualUser> vus = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger inScenario = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 1; i <= s.executor().maxVus(); i++) {
                int id = nextVuId.incrementAndGet();
                VirtualUser vu = new VirtualUser(id, inScenario.incrementAndGet(), s.name(), workers.get(id - 1));
                vus.add(vu);
                allVus.add(vu);
                inits.add(CompletableFuture.runAsync(() -> {
                    VuServices vs = VuServices.create(vu.loop(), http, metrics, tags, vu, s.executor().openModel());
                    services.put(vu, vs);
                    try {
                        script.initVu(vu, s, vs);
                    } catch (ScriptFailure f) {
                        throw new java.util.concurrent.CompletionException(f);
                    }
                }, vu.loop()));
            }
            runners.add(new ScenarioRunner(s, vus, script, metrics, tags, clock, this, interruptedIterations, errors,
                    () -> addVu(s, tags, http, inScenario)));
        }
        try {
            CompletableFuture.allOf(inits.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            closeVus();
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof ScriptFailure f) throw f;
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The HTTP client settings a plan asks for. Loads the native codecs (br, zstd) on the way, off the
     * event loops, so the first request does not pay for it.
     */
    public static HttpConfig httpConfig(Plan plan) {
        dev.salvo.engine.http.Compression.acceptEncoding();
        String userAgent = plan.userAgent() != null ? plan.userAgent() : "salvo/" + Version.get();
        ClientOptions client = plan.client();
        return new HttpConfig(userAgent, plan.discardResponseBodies(), Duration.ofSeconds(10), client.tls(), client.http2(),
                client.connections(), client.noCookiesReset(), client.batch(), client.batchPerHost());
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
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(STOP_HOOKS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // a hook that hangs must not hold the run: its VU is closed next
        }
    }

    private void closeVus() {
        List<CompletableFuture<?>> closes = new ArrayList<>();
        List<VirtualUser> everyVu = new ArrayList<>(allVus);
        everyVu.addAll(lateVus);
        stopHooks(everyVu);
        for (VirtualUser vu : everyVu) {
            closes.add(CompletableFuture.runAsync(() -> {
                script.closeVu(vu);
                VuServices vs = services.remove(vu);
                if (vs != null) {
                    vs.ws().close();
                    vs.http().close();
                }
            }, vu.loop()));
        }
        try {
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing is best effort: the workers are shut down next anyway
        }
    }
}
