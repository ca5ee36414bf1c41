package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.dsl.runner.LoadTest;
import dev.salvo.dsl.runner.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code salvo run SCRIPT}: runs a load test and prints its summary; the exit code is the verdict. Flags only: {@link LoadTest} runs it. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a load test script.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The scenario script (an ES module).")
    Path script;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    ExecutionOptions execution = new ExecutionOptions();

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line, not the summary.")
    boolean quiet;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--exit-code-on-error", paramLabel = "N",
            description = "Exit N when any request failed or any iteration threw, and nothing else decided the exit code (Locust's flag).")
    Integer exitCodeOnError;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    BaselineOptions baselines = new BaselineOptions();

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>(load.problems());
        problems.addAll(execution.problems());
        if (!Files.isRegularFile(script)) problems.add("script not found: " + script);
        if (exitCodeOnError != null && (exitCodeOnError < 0 || exitCodeOnError > 255)) {
            problems.add("--exit-code-on-error must be an exit code from 0 to 255, not " + exitCodeOnError);
        }
        RunSettings.Execution how = null;
        try {
            how = execution.execution();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        problems.addAll(output.problems());
        if (how != null && how.distributed().coordinator() != null && (output.paths().json() == null || output.paths().hlog() == null)) {
            problems.add("--coordinator needs --out DIR: the shard hands its summary.json and latency.hlog to the coordinator at the end");
        }
        if (baselines.problem() != null) problems.add(baselines.problem());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("salvo run: " + p));
            return ExitCodes.USAGE;
        }
        RunSettings.ConsoleOptions console = new RunSettings.ConsoleOptions(null, quiet, true, !output.noProgress,
                output.progressInterval, output.trendStats());
        RunSettings.Results results = new RunSettings.Results(output.paths(),
                baselines.baseline == null ? null : (tree, o, e) -> baselines.compare(tree, "this run", o, e),
                baselines.saveBaseline, exitCodeOnError);
        LoadTest test = new LoadTest(new RunSettings(script, load.inputs(), how, console, results), out, err);
        Signals.onInterrupt(test::stop);
        return test.run();
    }
}
