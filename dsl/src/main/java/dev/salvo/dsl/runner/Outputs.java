package dev.salvo.dsl.runner;

import dev.salvo.engine.report.AtomicFile;
import dev.salvo.engine.report.Reports;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.report.SummaryJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Hands a finished run to the result files, with how it ended as {@link Ending} decided. */
final class Outputs {
    private Outputs() {}

    /** {@code --save-baseline FILE}: the run's summary.json, written to a second place; null, or why it could not be. */
    static String saveBaseline(Path file, Summary summary, RunEnd end, String script, List<String> warnings) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (Writer w = Files.newBufferedWriter(file)) {
                SummaryJson.write(summary, end, script, warnings, w);
            }
            return null;
        } catch (IOException e) {
            return "could not write " + file + " (--save-baseline): " + AtomicFile.reason(e);
        }
    }

    /** Writes every result file; returns one line per file that could not be written, naming it. */
    static List<String> finish(Reports reports, Summary summary, RunEnd end, String script, List<String> warnings) {
        return reports.finish(summary, end, script, warnings);
    }
}
