package dev.salvo.dsl.runner;

import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.report.ProgressLine;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.Verdict;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.io.Console;


/**
 * The live status while a run goes on: on a terminal one line rewritten every second and cleared
 * at the end; otherwise (CI logs) a plain line every {@code interval}.
 */
final class Progress implements AutoCloseable {
    /** Thresholds are evaluated over the totals so far at most this often (it copies histograms). */
    private static final long THRESHOLD_EVERY_NANOS = 5_000_000_000L;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salvo-progress");
        t.setDaemon(true);
        return t;
    });
    private final long start = System.nanoTime();
    private final boolean terminal;
    private final LiveLine live;
    private List<String> failing = List.of();
    private long evaluatedAt;

    Progress(Run run, ProgressLine line, Plan plan, List<Threshold> thresholds, PrintStream err, Duration interval) {
        this.terminal = isTerminal();
        this.live = new LiveLine(err, terminal);
        Map<String, Integer> maxVus = new LinkedHashMap<>();
        for (Scenario s : plan.scenarios()) maxVus.put(s.name(), s.executor().maxVus());
        long every = terminal ? 1000 : Math.max(1000, interval.toMillis());
        Duration planned = plan.plannedDuration(), grace = plan.maxDuration().minus(planned);
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            Duration elapsed = Duration.ofNanos(now - start);
            if (!thresholds.isEmpty() && (evaluatedAt == 0 || now - evaluatedAt >= THRESHOLD_EVERY_NANOS || !terminal)) {
                evaluatedAt = now;
                failing = ThresholdEvaluator.evaluateAll(thresholds, run.metrics().aggregates(), elapsed.toNanos() / 1e9).stream()
                        .filter(v -> !v.passed() && !v.noData()).map(Verdict::threshold).map(Threshold::label).toList();
            }
            live.show(terminal ? clip(line.line(elapsed, planned, grace, run.activeVusByScenario(), maxVus, failing))
                    : "  " + line.plain(elapsed, planned, grace, run.activeVusByScenario(), maxVus, failing));
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Prints a line (a warning) above the live line. */
    void println(String text) {
        live.println(text);
    }

    private static boolean isTerminal() {
        Console c = System.console();
        return c != null && c.isTerminal();
    }

    private static String clip(String s) {
        int width = 160;
        try {
            width = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "160")) - 1;
        } catch (NumberFormatException ignored) {
            // keep the default
        }
        return s.length() <= width ? s : s.substring(0, Math.max(10, width));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.clear();
    }
}
