package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.compare.BaselineException;
import dev.salvo.engine.compare.Baselines;
import dev.salvo.engine.compare.Comparison;
import dev.salvo.engine.compare.CompareText;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code salvo run}'s baseline options: compare at the end of the run, and save the run as the next baseline. */
final class BaselineOptions {
    @Option(names = "--baseline", paramLabel = "FILE", description = "Compare the run with this baseline (a summary.json or a result directory).")
    Path baseline;

    @Mixin
    CompareOptionsMixin gate = new CompareOptionsMixin();

    @Option(names = "--compare-md", paramLabel = "FILE", description = "With --baseline: write the comparison as Markdown.")
    Path markdown;

    @Option(names = "--compare-json", paramLabel = "FILE", description = "With --baseline: write the comparison as JSON.")
    Path json;

    @Option(names = "--save-baseline", paramLabel = "FILE", description = "Write this run's summary.json to FILE, as the next baseline.")
    Path saveBaseline;

    /** Checked before the run, so a typo does not cost a whole load test. */
    String problem() {
        if (baseline == null) return null;
        try {
            Baselines.load(baseline);
            return null;
        } catch (BaselineException e) {
            return "--baseline " + e.getMessage();
        }
    }

    /** Compares the finished run (its summary tree) with the baseline; the exit code the comparison asks for. */
    int compare(JsonNode current, String currentLabel, PrintStream out, PrintStream err) throws IOException {
        if (baseline == null) return ExitCodes.OK;
        try {
            Comparison c = Baselines.compare(baseline.toString(), Baselines.load(baseline), currentLabel, current, gate.options());
            out.print(CompareText.render(c));
            CompareOptionsMixin.write(c, markdown, json);
            return gate.exitCode(c, out);
        } catch (BaselineException e) {
            err.println("salvo: warning: baseline not compared: " + e.getMessage());
            return ExitCodes.OK;
        }
    }
}
