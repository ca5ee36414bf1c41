package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.engine.compare.CompareJson;
import dev.salvo.engine.compare.CompareMarkdown;
import dev.salvo.engine.compare.CompareOptions;
import dev.salvo.engine.compare.Comparison;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The options {@code salvo compare} and {@code salvo run --baseline} share. */
final class CompareOptionsMixin {
    @Option(names = "--max-regression", paramLabel = "PCT", converter = PercentConverter.class, defaultValue = "20%",
            description = "A change worse than this is a regression (default: ${DEFAULT-VALUE}).")
    double maxRegression = 0.20;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "100",
            description = "Requests with fewer samples are reported but never fail the gate (default: ${DEFAULT-VALUE}).")
    long minSamples = 100;

    @Option(names = "--fail-on-regression", description = "Exit 100 when a request regressed.")
    boolean failOnRegression;

    CompareOptions options() {
        return CompareOptions.DEFAULTS.withMaxRegression(maxRegression).withMinSamples(minSamples);
    }

    static void write(Comparison c, Path markdown, Path json) throws IOException {
        if (markdown != null) write(markdown, CompareMarkdown.render(c));
        if (json != null) write(json, CompareJson.render(c));
    }

    private static void write(Path file, String text) throws IOException {
        try (Writer w = writer(file)) {
            w.write(text);
        }
    }

    /** A UTF-8 writer to {@code file}, its directory made first. */
    static Writer writer(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    int exitCode(Comparison c, PrintStream out) {
        if (!c.failed()) return ExitCodes.OK;
        if (!failOnRegression) return ExitCodes.OK;
        out.println("\nREGRESSION against the baseline (exit " + ExitCodes.REGRESSION + ")");
        return ExitCodes.REGRESSION;
    }
}
