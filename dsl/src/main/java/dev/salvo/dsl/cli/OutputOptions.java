package dev.salvo.dsl.cli;

import dev.salvo.engine.report.ReportPaths;
import dev.salvo.engine.report.TrendStats;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The result-file and console flags of {@code salvo run} (DESIGN §5, §6); the files are written by engine.report. */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Write every result file into DIR (stats.csv, summary.json, report.html, ...).")
    Path out;

    @Option(names = "--csv", paramLabel = "PREFIX", description = "Write Locust's CSV files as PREFIX_stats.csv, PREFIX_stats_history.csv, PREFIX_failures.csv, PREFIX_exceptions.csv.")
    String csv;

    @Option(names = "--csv-full-history", description = "Add per-request rows to stats_history.csv, as Locust does.")
    boolean csvFullHistory;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the self-contained HTML report.")
    Path html;

    @Option(names = "--json", paramLabel = "FILE", description = "Write summary.json (schema salvo.summary/1).")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML: a test case per threshold and per check.")
    Path junit;

    @Option(names = "--summary-md", paramLabel = "FILE", description = "Write a Markdown summary (for $GITHUB_STEP_SUMMARY).")
    Path summaryMd;

    @Option(names = "--summary-trend-stats", paramLabel = "LIST", description = "Trend columns of the console summary, e.g. avg,p(95),p(99) (avg, min, med, max, count, p(N)).")
    String summaryTrendStats;

    @Option(names = "--progress-interval", paramLabel = "DUR", converter = DurationConverter.class, defaultValue = "10s",
            description = "How often to print a progress line when not on a terminal (default: ${DEFAULT-VALUE}).")
    Duration progressInterval;

    @Option(names = "--no-progress", description = "Print no live progress.")
    boolean noProgress;

    ReportPaths paths() {
        return ReportPaths.of(out, csv, csvFullHistory, html, json, junit, summaryMd);
    }

    TrendStats trendStats() {
        return summaryTrendStats == null ? TrendStats.DEFAULT : TrendStats.parse(summaryTrendStats);
    }

    /** Every problem with these flags, checked before the run: bad trend stats, unwritable files. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        try {
            trendStats();
        } catch (IllegalArgumentException e) {
            problems.add("--summary-trend-stats: " + e.getMessage());
        }
        if (progressInterval != null && progressInterval.toMillis() < 1000) problems.add("--progress-interval must be at least 1s");
        problems.addAll(paths().problems());
        return problems;
    }
}
