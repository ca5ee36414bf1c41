package dev.salvo.dsl.cli;

import dev.salvo.engine.report.Reports;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.report.RunResult;

import java.io.PrintStream;
import java.util.List;

/** Hands a finished run to the result files, with how it ended as {@link #verdict} decided. */
final class Outputs {
    private Outputs() {}

    static RunEnd end(int exitCode, RunControl control, RunResult result) {
        if (control.aborted() != null) return new RunEnd(exitCode, "aborted", control.aborted());
        if (control.thresholdAbort() != null) return new RunEnd(exitCode, "threshold-abort", control.thresholdAbort().describe());
        if (control.capped()) return new RunEnd(exitCode, "max-duration", "stopped at the --max-duration cap");
        if (result.interrupted()) return new RunEnd(exitCode, "interrupted", "stopped by a signal (Ctrl-C or SIGTERM)");
        return new RunEnd(exitCode, "completed", null);
    }

    /** {@code --save-baseline FILE}: the run's summary.json, written to a second place. */
    static void saveBaseline(java.nio.file.Path file, Summary summary, RunEnd end, String script, List<String> warnings, PrintStream err) {
        try {
            java.nio.file.Path parent = file.toAbsolutePath().getParent();
            if (parent != null) java.nio.file.Files.createDirectories(parent);
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
                dev.salvo.engine.report.SummaryJson.write(summary, end, script, warnings, w);
            }
        } catch (java.io.IOException e) {
            err.println("salvo: warning: baseline not saved to " + file + ": " + e.getMessage());
        }
    }

    static void finish(Reports reports, Summary summary, RunEnd end, String script, List<String> warnings, PrintStream err) {
        for (String problem : reports.finish(summary, end, script, warnings)) err.println("salvo: warning: " + problem);
    }
}
