package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.RunSettings;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code salvo run}'s live view: {@link LiveViewOptions} and {@code --autostart}; see docs/web.md. */
final class WebOptions extends LiveViewOptions {
    @Option(names = "--autostart", description = "With --web: start the run at once, as the command line says, instead of waiting for the page.")
    boolean autostart;

    /** Every problem with these flags; {@code segmented}: --segment was given. */
    List<String> problems(boolean segmented) {
        List<String> problems = problems();
        if (autostart && !web) problems.add("--autostart needs --web");
        if (web && segmented) problems.add("--web cannot be combined with --segment: run segments headless and merge them");
        return problems;
    }

    RunSettings.Live live() {
        return new RunSettings.Live(web, host, port, auth, autostart, metricsPort);
    }
}
