package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.exec.LiveLoad;
import dev.salvo.engine.live.LiveControl;
import dev.salvo.engine.live.LiveServers;
import dev.salvo.engine.live.StatsJson;
import dev.salvo.engine.live.LiveStats;
import dev.salvo.engine.live.WebServer;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.ErrorCounts;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.report.ExceptionsCsv;
import dev.salvo.engine.report.FailuresCsv;
import dev.salvo.engine.report.HtmlReport;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.report.StatsCsv;
import dev.salvo.engine.report.StatsHistoryCsv;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.report.SummaryJson;
import dev.salvo.engine.report.Timeline;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.thresholds.ThresholdEvaluator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The run as the web UI and {@code /metrics} see it ({@code --web}, {@code --metrics-port}): the servers,
 * the start the run waits for, the live numbers, load changes and the result files of the run so far.
 * {@link LoadTest} still composes the run; this only watches it and relays the page's requests to it.
 */
final class WebRun implements LiveControl, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> START_KEYS = Set.of("vus", "rate", "spawnRate", "duration");
    private static final Set<String> LOAD_KEYS = Set.of("vus", "rate", "scenario", "ramp", "duration");
    private static final String STOPPED = "stopped from the web UI";

    /** How a start request is prepared: the script's plan with the request's overrides. */
    @FunctionalInterface
    interface Preparer {
        Prepared prepare(Overrides overrides) throws Exception;
    }

    private record Finished(Summary summary, RunEnd end, List<String> warnings) {}

    private final RunSettings.Live options;
    private final RunControl control;
    private final ErrorCounts scriptErrors;
    private final String script;
    private final LiveStats stats = new LiveStats();
    private final Timeline timeline = new Timeline();
    private final StringWriter history = new StringWriter();
    private final StatsHistoryCsv historyCsv;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Prepared> started = new CompletableFuture<>();
    private final CompletableFuture<Void> quit = new CompletableFuture<>();
    private LiveServers servers;
    private WebServer web;
    private volatile String phase = "waiting";
    private volatile Prepared prepared;
    private volatile Preparer preparer;
    private volatile Overrides base;
    private volatile Run run;
    private volatile Instant startedAt;
    private volatile long startNanos;
    private volatile Double startRate;
    private volatile Finished finished;

    WebRun(RunSettings.Live options, RunControl control, ErrorCounts scriptErrors, String script) throws IOException {
        this.options = options;
        this.control = control;
        this.scriptErrors = scriptErrors;
        this.script = script;
        this.historyCsv = new StatsHistoryCsv(history, false);
    }

    /** Starts the servers for {@code prepared}; {@code preparer} prepares the plan a start request asks for. */
    void open(Prepared prepared, Overrides base, Preparer preparer, PrintStream err) {
        this.prepared = prepared;
        this.base = base;
        this.preparer = preparer;
        servers = LiveServers.open(new LiveServers.Settings(options.web(), options.host(), options.port(), options.auth(), options.metricsPort()),
                stats::totals, this, "salvo", options.autostart() ? "" : " (waiting for a start from the page or POST /api/start)", err);
        web = servers.web();
    }

    /** The web server's port (tests use port 0); -1 without --web. */
    int port() {
        return web == null ? -1 : web.port();
    }

    /** The plan to run: at once with --autostart or without --web, else the one the start request makes; null when interrupted first. */
    Prepared awaitStart() {
        if (!options.web() || options.autostart()) {
            phase = "starting";
            return prepared;
        }
        CompletableFuture.anyOf(started, control.interruption()).join();
        return started.isDone() ? started.join() : null;
    }

    /** The listeners the run feeds each second. */
    List<IntervalListener> listeners() {
        return List.of(stats, timeline, historyCsv);
    }

    /** The run has been made; its scenarios start now. */
    void attach(Run run, Prepared prepared) {
        this.run = run;
        this.prepared = prepared;
        startedAt = Instant.now();
        startNanos = System.nanoTime();
        phase = "running";
        Double rate = startRate;
        if (rate != null) {
            // the scenarios offer their loads once they start
            Thread.ofVirtual().name("salvo-web-rate").start(() -> {
                for (int i = 0; i < 500 && !control.interruption().isDone(); i++) {
                    List<LiveLoad> open = run.liveLoads().values().stream().filter(l -> l.unit().equals("rate")).toList();
                    if (!open.isEmpty()) {
                        open.forEach(l -> l.retarget(rate, Duration.ZERO));
                        return;
                    }
                    sleep(10);
                }
            });
        }
    }

    /** The run's verdict and results: the page now shows them, the downloads are final. */
    void finished(Summary summary, RunEnd end, List<String> warnings) {
        finished = new Finished(summary, end, List.copyOf(warnings));
        phase = "finished";
        try {
            historyCsv.close();
        } catch (IOException e) {
            // in memory: cannot fail
        }
    }

    /** A warning while it runs (the saturation warning, among others), for the page. */
    void warn(String warning) {
        if (!warnings.contains(warning)) warnings.add(warning);
    }

    /** With --web: serves the finished run until POST /api/quit, Ctrl-C or SIGTERM. */
    void awaitQuit(PrintStream err) {
        if (web == null) return;
        err.println("salvo: the results stay at " + web.url() + " until Ctrl-C (or POST /api/quit)");
        CompletableFuture.anyOf(quit, control.interruption()).join();
    }

    @Override
    public void close() {
        if (servers != null) servers.close();
    }

    // ---- the API

    @Override
    public ObjectNode state() {
        ObjectNode s = JSON.createObjectNode().put("phase", phase).put("script", script);
        Prepared p = prepared;
        Finished f = finished;
        s.put("elapsedSeconds", startedAt == null ? 0 : f != null ? f.summary().seconds() : (System.nanoTime() - startNanos) / 1e9);
        if (startedAt != null) s.put("startedAt", startedAt.toString());
        Run r = run;
        s.put("vus", r == null ? 0 : r.activeVus());
        if (p != null) s.set("plan", SummaryJson.planTree(p.plan()));
        ArrayNode loads = s.putArray("loads");
        if (r != null && "running".equals(phase)) {
            r.liveLoads().forEach((name, l) -> loads.addObject().put("scenario", name).put("unit", l.unit()).put("target", l.target())
                    .put("endSeconds", (startOf(name).toNanos() + l.endNanos()) / 1e9));
        }
        if (f != null) {
            s.put("ended", f.end().ended()).put("verdict", f.end().verdict()).put("exitCode", f.end().exitCode());
            if (f.end().reason() != null) s.put("reason", f.end().reason());
        }
        return s;
    }

    @Override
    public ObjectNode stats(long since) {
        Finished f = finished;
        Summary s = f != null ? f.summary() : snapshot();
        ObjectNode root = s == null ? JSON.createObjectNode()
                : SummaryJson.tree(s, f != null ? f.end() : running(), script, f != null ? f.warnings() : List.copyOf(warnings));
        root.put("phase", phase);
        root.set("state", state());
        if (s != null) root.set("aggregated", StatsJson.aggregated(s));
        StatsJson.points(root, stats.history(), since);
        return root;
    }

    /** The run so far as a summary; null before it started. */
    private Summary snapshot() {
        Prepared p = prepared;
        if (startedAt == null || p == null) return null;
        List<Aggregate> totals = stats.totals();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        RunResult result = new RunResult(p.plan(), startedAt, elapsed, totals, scriptErrors.snapshot(), 0, false);
        return Summary.of(result, ThresholdEvaluator.evaluateAll(p.thresholds(), totals, elapsed.toNanos() / 1e9));
    }

    private static RunEnd running() {
        return StatsJson.running();
    }

    @Override
    public ObjectNode start(JsonNode body) {
        checkKeys(body, START_KEYS);
        if (!"waiting".equals(phase)) throw new BadRequest(409, "the run has already started (" + phase + "); salvo runs one test, start salvo again for another");
        Integer vus = body.has("vus") ? wholeNumber(body, "vus", 1) : null;
        Double rate = body.has("rate") ? positive(body, "rate") : null;
        Double spawnRate = body.has("spawnRate") ? positive(body, "spawnRate") : null;
        Duration duration = body.has("duration") ? duration(body, "duration") : null;
        if (vus != null && rate != null) throw new BadRequest("give vus (closed model) or rate (arrival rate), not both");
        if (spawnRate != null && vus == null) throw new BadRequest("spawnRate needs vus (how many users to ramp to)");
        Overrides b = base;
        Overrides asked = new Overrides(vus != null ? vus : b.vus(), duration != null ? duration : b.duration(), b.iterations(),
                spawnRate != null ? spawnRate : b.spawnRate());
        Prepared p;
        synchronized (this) {
            if (!"waiting".equals(phase)) throw new BadRequest(409, "the run has already started (" + phase + ")");
            try {
                p = vus == null && duration == null && spawnRate == null ? prepared : preparer.prepare(asked);
            } catch (Exception e) {
                throw new BadRequest("cannot run that: " + e.getMessage().replace('\n', ';'));
            }
            if (rate != null && p.plan().scenarios().stream().noneMatch(s -> s.executor().openModel())) {
                throw new BadRequest("rate: the plan has no arrival-rate scenario (" + names(p.plan().scenarios()) + "); give vus");
            }
            String tooMany = Capacity.check(p.plan(), Runtime.getRuntime().maxMemory());
            if (tooMany != null) throw new BadRequest("vus: " + tooMany);
            startRate = rate;
            phase = "starting";
            prepared = p;
        }
        started.complete(p);
        return state();
    }

    @Override
    public ObjectNode stop() {
        switch (phase) {
            case "waiting" -> throw new BadRequest(409, "nothing runs yet: POST /api/start first");
            case "finished" -> throw new BadRequest(409, "the run has already ended");
            default -> {
                control.stopOnRequest(STOPPED);
                phase = "stopping";
            }
        }
        return state();
    }

    @Override
    public ObjectNode load(JsonNode body) {
        checkKeys(body, LOAD_KEYS);
        Run r = run;
        if (r == null || !"running".equals(phase)) throw new BadRequest(409, "the run is not under way (" + phase + ")");
        boolean vus = body.has("vus");
        boolean rate = body.has("rate");
        if (vus && rate) throw new BadRequest("give one of vus (closed models) or rate (arrival rates), not both");
        if (!vus && !rate && !body.has("duration")) {
            throw new BadRequest("give vus (closed models), rate (arrival rates) or duration (the run's new length, as -t)");
        }
        if (!vus && !rate && body.has("ramp")) throw new BadRequest("ramp: goes with vus or rate");
        double target = vus ? wholeNumber(body, "vus", 0) : rate ? positive(body, "rate") : 0;
        Duration ramp = body.has("ramp") ? duration(body, "ramp") : Duration.ZERO;
        Duration length = body.has("duration") ? duration(body, "duration") : null;
        String unit = vus ? "vus" : rate ? "rate" : null;
        Map<String, LiveLoad> loads = r.liveLoads();
        List<String> names = new ArrayList<>();
        if (body.has("scenario")) {
            String name = body.get("scenario").asText();
            LiveLoad l = loads.get(name);
            if (l == null) throw new BadRequest("scenario: no running scenario '" + name + "' whose load can change; there are: " + describe(loads));
            if (unit != null && !l.unit().equals(unit)) throw new BadRequest("scenario '" + name + "' takes " + l.unit() + ", not " + unit);
            names.add(name);
        } else {
            loads.forEach((name, l) -> {
                if (unit == null || l.unit().equals(unit)) names.add(name);
            });
            String what = unit == null ? "duration: no running scenario can change" : unit + ": no running scenario takes " + unit;
            if (names.isEmpty()) throw new BadRequest(what + "; there are: " + describe(loads));
            if (unit != null && names.size() > 1) {
                throw new BadRequest("several scenarios take " + unit + " (" + String.join(", ", names) + "): name one with \"scenario\"");
            }
        }
        if (length != null) {
            // as -t: the run's length from its start; each scenario's schedule ends then, on its own clock
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            if (length.toNanos() / 1e9 <= elapsed + 1) {
                throw new BadRequest("duration: the run has been going for " + Durations.format(Duration.ofSeconds((long) elapsed))
                        + "; give a longer one (the run's whole length, as -t)");
            }
            names.forEach(n -> loads.get(n).endAt(length.toNanos() - startOf(n).toNanos()));
        }
        if (unit != null) names.forEach(n -> loads.get(n).retarget(target, ramp));
        return state();
    }

    /** When scenario {@code name} starts, from the run's start. */
    private Duration startOf(String name) {
        return prepared.plan().scenarios().stream().filter(sc -> sc.name().equals(name)).map(Scenario::startTime)
                .findFirst().orElse(Duration.ZERO);
    }

    @Override
    public ObjectNode quit() {
        if ("waiting".equals(phase)) control.interrupt(); // nothing ran: salvo ends as interrupted before the start
        else if (!"finished".equals(phase)) control.stopOnRequest(STOPPED);
        // salvo exits once this answer has gone out (quitAnswered), or in 30 s whatever becomes of it
        CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS).execute(() -> quit.complete(null));
        return JSON.createObjectNode().put("phase", phase).put("quitting", true);
    }

    @Override
    public void quitAnswered() {
        quit.complete(null);
    }

    @Override
    public Download download(String name) {
        Finished f = finished;
        Summary s = f != null ? f.summary() : snapshot();
        if (s == null) {
            if (Set.of("stats.csv", "stats_history.csv", "failures.csv", "exceptions.csv", "summary.json", "report.html").contains(name)) {
                throw new BadRequest(409, "nothing has run yet: the results exist once the run starts");
            }
            return null;
        }
        RunEnd end = f != null ? f.end() : running();
        List<String> w = f != null ? f.warnings() : List.copyOf(warnings);
        return switch (name) {
            case "stats.csv" -> csv(out -> StatsCsv.write(s, out));
            case "stats_history.csv" -> new Download("text/csv; charset=utf-8", history.toString().getBytes(StandardCharsets.UTF_8));
            case "failures.csv" -> csv(out -> FailuresCsv.write(s, out));
            case "exceptions.csv" -> csv(out -> ExceptionsCsv.write(s, out));
            case "summary.json" -> file("application/json", out -> SummaryJson.write(s, end, script, w, out));
            case "report.html" -> file("text/html; charset=utf-8", out -> HtmlReport.write(s, end, script, w, timeline, out));
            default -> null;
        };
    }

    @FunctionalInterface
    private interface Render {
        void write(Writer out) throws IOException;
    }

    private static Download csv(Render r) {
        return file("text/csv; charset=utf-8", r);
    }

    private static Download file(String type, Render r) {
        StringWriter out = new StringWriter();
        try {
            r.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return new Download(type, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- checks of request bodies

    private static void checkKeys(JsonNode body, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        body.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) unknown.add(k);
        });
        if (!unknown.isEmpty()) throw new BadRequest("unknown key " + String.join(", ", unknown) + "; known: " + String.join(", ", new TreeSet<>(known)));
    }

    private static int wholeNumber(JsonNode body, String key, int min) {
        JsonNode v = body.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw new BadRequest(key + ": must be a whole number >= " + min + ", not " + v);
        }
        return v.asInt();
    }

    private static double positive(JsonNode body, String key) {
        JsonNode v = body.get(key);
        if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) throw new BadRequest(key + ": must be a number > 0, not " + v);
        return v.asDouble();
    }

    private static Duration duration(JsonNode body, String key) {
        JsonNode v = body.get(key);
        try {
            Duration d = v.isNumber() ? Duration.ofMillis((long) (v.asDouble() * 1000)) : Durations.parse(v.asText());
            if (d.isNegative() || (d.isZero() && key.equals("duration"))) throw new IllegalArgumentException("must be > 0");
            return d;
        } catch (IllegalArgumentException e) {
            throw new BadRequest(key + ": " + e.getMessage() + " (a duration: \"30s\", \"5m\", or seconds), not " + v);
        }
    }

    private static String names(List<Scenario> scenarios) {
        return String.join(", ", scenarios.stream().map(s -> s.name() + " (" + s.executor().type() + ")").toList());
    }

    private static String describe(Map<String, LiveLoad> loads) {
        if (loads.isEmpty()) return "none";
        List<String> out = new ArrayList<>();
        loads.forEach((n, l) -> out.add(n + " (" + l.unit() + ")"));
        return String.join(", ", out);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
