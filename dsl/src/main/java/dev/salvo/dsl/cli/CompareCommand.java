package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.compare.BaselineException;
import dev.salvo.engine.compare.Baselines;
import dev.salvo.engine.compare.Comparison;
import dev.salvo.engine.compare.CompareHtml;
import dev.salvo.engine.compare.CompareText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code salvo compare BASELINE CURRENT}: per-request changes between two runs; exit 100 on a regression with --fail-on-regression. */
@Command(name = "compare", sortOptions = false,
        description = "Compare a run with a baseline (summary.json files or result directories).",
        footerHeading = "%nExamples:%n",
        footer = {"  salvo compare baseline.json results --md compare.md --html compare.html",
                "  salvo compare base/ results/ --max-regression 10% --fail-on-regression   exit 100 on a regression"})
public final class CompareCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline: a summary.json or a directory holding one.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The run to check: a summary.json or a directory holding one.")
    Path current;

    @Mixin
    CompareOptionsMixin gate = new CompareOptionsMixin();

    @Option(names = "--md", paramLabel = "FILE", description = "Also write the comparison as Markdown (for a PR comment).")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON (schema salvo.compare/1).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as a self-contained page with charts.")
    Path html;

    @Override
    public Integer call() throws IOException {
        JsonNode b, c;
        try {
            b = Baselines.load(baseline);
            c = Baselines.load(current);
        } catch (BaselineException e) {
            System.err.println("salvo compare: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Comparison comparison = Baselines.compare(baseline.toString(), b, current.toString(), c, gate.options());
        System.out.print(CompareText.render(comparison));
        CompareOptionsMixin.write(comparison, markdown, json);
        if (html != null) {
            try (Writer w = CompareOptionsMixin.writer(html)) {
                CompareHtml.write(comparison, b, c, w);
            }
        }
        return gate.exitCode(comparison, System.out);
    }
}
