package dev.salvo.engine.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each result file goes; a null path means that file is not written. {@code fullHistory}
 * adds per-request rows to {@code stats_history.csv}, as Locust's {@code --csv-full-history} does.
 */
public record ReportPaths(Path stats, Path statsHistory, Path failures, Path exceptions, Path metricsCsv,
                          Path json, Path hlog, Path html, Path junit, Path markdown, boolean fullHistory) {

    public static final ReportPaths NONE = new ReportPaths(null, null, null, null, null, null, null, null, null, null, false);

    /**
     * The files of the command line: {@code --out DIR} writes all of them into DIR,
     * {@code --csv PREFIX} the four Locust files as {@code PREFIX_stats.csv}..., each single-file
     * flag its own file (it wins over {@code --out} for that file).
     */
    public static ReportPaths of(Path outDir, String csvPrefix, boolean fullHistory, Path html, Path json, Path junit, Path markdown) {
        Path stats = null, history = null, failures = null, exceptions = null, metrics = null, hlog = null;
        if (outDir != null) {
            stats = outDir.resolve("stats.csv");
            history = outDir.resolve("stats_history.csv");
            failures = outDir.resolve("failures.csv");
            exceptions = outDir.resolve("exceptions.csv");
            metrics = outDir.resolve("metrics.csv");
            hlog = outDir.resolve("latency.hlog");
            if (html == null) html = outDir.resolve("report.html");
            if (json == null) json = outDir.resolve("summary.json");
            if (junit == null) junit = outDir.resolve("junit.xml");
            if (markdown == null) markdown = outDir.resolve("summary.md");
        }
        if (csvPrefix != null) {
            stats = Path.of(csvPrefix + "_stats.csv");
            history = Path.of(csvPrefix + "_stats_history.csv");
            failures = Path.of(csvPrefix + "_failures.csv");
            exceptions = Path.of(csvPrefix + "_exceptions.csv");
        }
        return new ReportPaths(stats, history, failures, exceptions, metrics, json, hlog, html, junit, markdown, fullHistory);
    }

    public List<Path> all() {
        List<Path> out = new ArrayList<>();
        for (Path p : new Path[] {stats, statsHistory, failures, exceptions, metricsCsv, json, hlog, html, junit, markdown}) {
            if (p != null) out.add(p);
        }
        return out;
    }

    /** Every problem with writing these files, checked before the run starts: one line per folder that cannot be written. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Set<Path> folders = new HashSet<>();
        for (Path p : all()) {
            Path folder = p.toAbsolutePath().getParent();
            String problem = Files.isDirectory(p) ? "cannot write " + p + ": it is a folder"
                    : folders.add(folder) ? AtomicFile.folderProblem(p.getParent() != null ? p.getParent() : folder) : null;
            if (problem != null) out.add(problem);
        }
        return out;
    }
}
