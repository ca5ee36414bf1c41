package dev.salvo.engine.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.config.Problems;
import dev.salvo.engine.live.LiveControl;
import dev.salvo.engine.live.LiveServers;
import dev.salvo.engine.live.LiveStats;
import dev.salvo.engine.live.StatsJson;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.plan.Isolation;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.report.SummaryJson;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.ThresholdsParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code salvo coordinate --web}: the web UI's API over the whole fleet. The numbers are the
 * coordinator's sums of the shards' intervals (fed to a {@link LiveStats} one fleet second at a
 * time), the thresholds are judged on them as the page asks, the shards' states come from the
 * coordinator; a stop stops every shard; start and load changes are not the coordinator's to make
 * (409); the downloads are the merged files once written. Called on the web server's virtual threads.
 */
public final class FleetLive implements LiveControl, AutoCloseable {
    /** What the coordinator wrote at the end: the merged summary, how the fleet ended, the warnings. */
    public record Result(Summary summary, RunEnd end, List<String> warnings) {}

    static final String STOPPED = "stopped from the web UI";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The merged files a page may download, with their content types. */
    private static final Map<String, String> FILES = Map.of(
            "stats.csv", "text/csv; charset=utf-8",
            "failures.csv", "text/csv; charset=utf-8",
            "exceptions.csv", "text/csv; charset=utf-8",
            "fleet_history.csv", "text/csv; charset=utf-8",
            "summary.json", "application/json",
            "summary.md", "text/markdown; charset=utf-8",
            "junit.xml", "application/xml",
            "report.html", "text/html; charset=utf-8");

    private final Coordinator coordinator;
    private final int shards;
    private final String script;
    private final Path out;
    private final LiveStats stats = new LiveStats();
    private final CompletableFuture<Void> quit = new CompletableFuture<>();
    private LiveServers servers;
    private volatile List<Threshold> thresholds;
    private volatile Coordinator.Status last;
    private volatile Result result;
    private volatile boolean quitAsked;

    /** Watches {@code coordinator}'s fleet seconds from now on; {@code out} is where the merged files will be. */
    public FleetLive(Coordinator coordinator, int shards, String script, Path out) {
        this.coordinator = coordinator;
        this.shards = shards;
        this.script = script;
        this.out = out;
        coordinator.onSecond(stats);
    }

    /** Starts the web UI and/or {@code /metrics}; they serve the fleet's sums. */
    public void open(LiveServers.Settings settings, PrintStream err) {
        servers = LiveServers.open(settings, stats::totals, this, "salvo coordinate", " (the fleet's live view)", err);
    }

    /** The merged files are written: the page shows the merged summary now, the downloads are those files. */
    public void finished(Result r) {
        last = coordinator.status();
        result = r;
    }

    /** With --web: serves the finished fleet until POST /api/quit, Ctrl-C or SIGTERM; at once when a quit was asked before the end. */
    public void awaitQuit(PrintStream err) {
        if (servers == null || servers.web() == null || quitAsked) return;
        err.println("salvo coordinate: the results stay at " + servers.web().url() + " until Ctrl-C (or POST /api/quit)");
        quit.join();
    }

    /** Ctrl-C or SIGTERM: {@link #awaitQuit} returns (the fleet itself is the coordinator's to stop). */
    public void interrupt() {
        quit.complete(null);
    }

    @Override
    public void close() {
        if (servers != null) servers.close();
    }

    private Coordinator.Status status() {
        Coordinator.Status s = last;
        return s != null ? s : coordinator.status();
    }

    private static String phase(Coordinator.Status s, Result r) {
        if (r != null) return "finished";
        if (!s.started()) return "waiting";
        return s.stopping() != null ? "stopping" : "running";
    }

    // ---- the API

    @Override
    public ObjectNode state() {
        return state(status(), result);
    }

    private ObjectNode state(Coordinator.Status st, Result r) {
        ObjectNode s = JSON.createObjectNode().put("phase", phase(st, r)).put("script", script);
        Instant at = st.startedAt();
        s.put("elapsedSeconds", at == null ? 0 : r != null ? r.summary().seconds() : Duration.between(at, Instant.now()).toNanos() / 1e9);
        if (at != null) s.put("startedAt", at.toString());
        List<LiveStats.Point> points = stats.history();
        s.put("vus", r != null || points.isEmpty() ? 0 : points.get(points.size() - 1).vus());
        JsonNode plan = coordinator.plan();
        if (plan != null) s.set("plan", plan);
        s.putArray("loads"); // the shards' loads are theirs: nothing to change here
        s.set("fleet", fleet(st));
        if (r != null) {
            s.put("ended", r.end().ended()).put("verdict", r.end().verdict()).put("exitCode", r.end().exitCode());
            if (r.end().reason() != null) s.put("reason", r.end().reason());
        } else if (st.stopping() != null) {
            s.put("reason", st.stopping());
        }
        return s;
    }

    private ObjectNode fleet(Coordinator.Status st) {
        ObjectNode f = JSON.createObjectNode().put("shards", shards);
        long connected = st.segments().stream().filter(x -> !x.state().equals("absent")).count();
        long lost = st.segments().stream().filter(x -> x.state().equals("lost")).count();
        f.put("connected", connected).put("lost", lost);
        ArrayNode list = f.putArray("segments");
        for (Coordinator.SegmentStatus x : st.segments()) {
            ObjectNode o = list.addObject().put("segment", x.segment()).put("state", x.state()).put("seconds", x.seconds());
            if (x.name() != null) o.put("name", x.name());
            if (x.lost() != null) o.put("lost", x.lost());
        }
        return f;
    }

    @Override
    public ObjectNode stats(long since) {
        Coordinator.Status st = status();
        Result r = result;
        Summary s = r != null ? r.summary() : snapshot(st);
        ObjectNode root = s == null ? JSON.createObjectNode()
                : SummaryJson.tree(s, r != null ? r.end() : StatsJson.running(), script, r != null ? r.warnings() : List.of());
        root.put("phase", phase(st, r));
        root.set("state", state(st, r));
        if (s != null) root.set("aggregated", StatsJson.aggregated(s));
        StatsJson.points(root, stats.history(), since);
        return root;
    }

    /** The fleet so far as a summary, every threshold judged on the sums; null before the start. */
    private Summary snapshot(Coordinator.Status st) {
        JsonNode plan = coordinator.plan();
        if (!st.started() || plan == null) return null;
        JsonNode t = plan.path("options").path("thresholds");
        List<Threshold> judged = thresholds;
        if (judged == null) thresholds = judged = t.isObject() ? ThresholdsParser.parse(t, new Problems()) : List.of();
        List<Aggregate> totals = stats.totals();
        Duration elapsed = Duration.between(st.startedAt(), Instant.now());
        Plan p = new Plan(List.of(), Isolation.VU, false, null, Duration.ZERO, Duration.ZERO, Map.of(), t.isObject() ? t : null, List.of());
        RunResult run = new RunResult(p, st.startedAt(), elapsed, totals, Map.of(), 0, false);
        return Summary.of(run, ThresholdEvaluator.evaluateAll(judged, totals, elapsed.toNanos() / 1e9));
    }

    @Override
    public ObjectNode start(JsonNode body) {
        throw new BadRequest(409, "the fleet starts when all " + shards + " shards have connected (or at --start-at), not from the page:"
                + " start the shards with 'salvo run SCRIPT --segment I/" + shards + " --coordinator URL'");
    }

    @Override
    public ObjectNode stop() {
        Coordinator.Status st = status();
        switch (phase(st, result)) {
            case "waiting" -> throw new BadRequest(409, "the fleet has not started yet (" + fleet(st).path("connected").asLong() + " of " + shards
                    + " shards connected): nothing to stop; Ctrl-C ends the coordinator");
            case "finished" -> throw new BadRequest(409, "the fleet's run has already ended");
            case "stopping" -> {
                return state(); // already stopping: the state says why
            }
            default -> coordinator.stop(STOPPED);
        }
        return state();
    }

    @Override
    public ObjectNode load(JsonNode body) {
        throw new BadRequest(409, "load changes are per shard, and the coordinator runs no VUs: each shard runs its segment of the script's plan"
                + " (change the script, or run a single 'salvo run --web' to change the load live)");
    }

    @Override
    public ObjectNode quit() {
        quitAsked = true;
        String phase = phase(status(), result);
        if (phase.equals("waiting")) coordinator.interrupt(); // nothing ran: the coordinator ends as interrupted before the start
        else if (phase.equals("running")) coordinator.stop(STOPPED);
        // the coordinator exits once this answer has gone out (quitAnswered), or in 30 s whatever becomes of it
        CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS).execute(() -> quit.complete(null));
        return JSON.createObjectNode().put("phase", phase(status(), result)).put("quitting", true);
    }

    @Override
    public void quitAnswered() {
        quit.complete(null);
    }

    @Override
    public Download download(String name) {
        String type = FILES.get(name);
        if (type == null) return null;
        if (result == null) {
            throw new BadRequest(409, "the merged files are written when every shard has handed over its result (or was lost): "
                    + "until then the page and /api/stats show the fleet's sums");
        }
        Path file = out.resolve(name);
        if (!Files.isRegularFile(file)) return null;
        try {
            return new Download(type, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadRequest(500, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
