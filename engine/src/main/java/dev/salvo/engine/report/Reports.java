package dev.salvo.engine.report;

import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.thresholds.Threshold;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;


/**
 * The result files of one run. {@link #open} starts the files written as the run goes
 * ({@code stats_history.csv}, {@code metrics.csv}, {@code latency.hlog}, flushed every second so a
 * killed run keeps them); {@link #finish} writes the others under temporary names and renames
 * them, once the exit code is known. A failing file does not stop the others.
 */
public final class Reports implements AutoCloseable {
    private final ReportPaths paths;
    private final Timeline timeline = new Timeline();
    private final List<IntervalListener> listeners = new ArrayList<>();
    private final List<AutoCloseable> streams = new CopyOnWriteArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<AutoCloseable, Path> files = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> extraJson = new LinkedHashMap<>();

    private Reports(ReportPaths paths) {
        this.paths = paths;
    }

    /** Opens the streaming files; {@code startMillis} is the run's start (the hlog's base time). */
    public static Reports open(ReportPaths paths, long startMillis) throws IOException {
        Reports r = new Reports(paths);
        r.listeners.add(r.timeline);
        if (paths.statsHistory() != null) {
            StatsHistoryCsv h = new StatsHistoryCsv(writer(paths.statsHistory()), paths.fullHistory());
            r.add(h, h, paths.statsHistory());
        }
        if (paths.metricsCsv() != null) {
            MetricsCsv m = new MetricsCsv(writer(paths.metricsCsv()));
            r.add(m, m, paths.metricsCsv());
        }
        if (paths.hlog() != null) {
            OutputStream out = Files.newOutputStream(mkdirs(paths.hlog()));
            LatencyHlog h = new LatencyHlog(new BufferedOutputStream(out), startMillis);
            r.add(h, h, paths.hlog());
        }
        return r;
    }

    private void add(IntervalListener l, AutoCloseable c, Path file) {
        // A listener that failed once (disk full) stops writing and is reported at the end.
        listeners.add(interval -> {
            if (streams.contains(c)) {
                try {
                    l.onInterval(interval);
                } catch (RuntimeException e) {
                    synchronized (problems) {
                        problems.add("could not write " + file + ": " + AtomicFile.reason(e));
                    }
                    streams.remove(c);
                }
            }
        });
        streams.add(c);
        files.put(c, file);
    }

    private static Path mkdirs(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        return file;
    }

    private static Writer writer(Path file) throws IOException {
        return Files.newBufferedWriter(mkdirs(file), StandardCharsets.UTF_8);
    }

    /** Adds a top-level field to summary.json (e.g. {@code distributed} for a segment of a run). */
    public void json(String key, JsonNode value) {
        if (value != null) extraJson.put(key, value);
    }

    /** What the sampler calls once a second; register each with the run. */
    public List<IntervalListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Notes when each threshold first fails, for report.html; call before the run starts. */
    public void watch(List<Threshold> thresholds) {
        timeline.watch(thresholds);
    }

    /**
     * Writes every remaining file with the run's outcome; call after the run has returned (the
     * sampler has published its last interval). Returns the problems, one line per file that failed.
     */
    public List<String> finish(Summary s, RunEnd end, String script, List<String> warnings) {
        close();
        write(paths.stats(), w -> StatsCsv.write(s, w));
        write(paths.failures(), w -> FailuresCsv.write(s, w));
        write(paths.exceptions(), w -> ExceptionsCsv.write(s, w));
        write(paths.json(), w -> {
            ObjectNode tree = SummaryJson.tree(s, end, script, warnings);
            tree.setAll(extraJson);
            SummaryJson.JSON.writeValue(w, tree);
        });
        write(paths.junit(), w -> JunitXml.write(s, end, w));
        write(paths.markdown(), w -> w.write(SummaryMarkdown.render(s, end, script)));
        write(paths.html(), w -> HtmlReport.write(s, end, script, warnings, timeline, w));
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    private void write(Path file, AtomicFile.Content content) {
        if (file == null) return;
        try {
            AtomicFile.write(file, content);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            synchronized (problems) {
                problems.add("could not write " + file + ": " + AtomicFile.reason(e));
            }
        }
    }

    /** Closes the streaming files (idempotent). */
    @Override
    public void close() {
        for (AutoCloseable c : new ArrayList<>(streams)) {
            try {
                c.close();
            } catch (Exception e) {
                synchronized (problems) {
                    problems.add("could not write " + files.get(c) + ": " + AtomicFile.reason(e));
                }
            }
        }
        streams.clear();
    }
}
