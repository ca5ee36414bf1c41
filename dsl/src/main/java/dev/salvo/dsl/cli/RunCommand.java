package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.dsl.runner.LoadTest;
import dev.salvo.dsl.runner.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code salvo run SCRIPT}: runs a load test and prints its summary; the exit code is the verdict. Flags only: {@link LoadTest} runs it. */
@Command(name = "run", sortOptions = false, customSynopsis = "salvo run SCRIPT [OPTIONS]",
        description = "Run a load test script.",
        footerHeading = "%nExamples:%n",
        footer = {"  salvo run --demo examples/quickstart.js            the demo target, the script's own load",
                "  salvo run test.js -u 50 -r 10 -t 5m --out results  50 users, 10 more a second, 5 minutes",
                "  salvo run test.js --profile smoke --baseline base.json --fail-on-regression",
                "",
                "Exit codes:",
                "  0    passed (thresholds held), or finished with no thresholds declared",
                "  1    internal error",
                "  2    bad command line or config",
                "  3    script error (syntax, init, options, thresholds; setup() or teardown() threw)",
                "  95   a result file could not be written",
                "  96   out of memory",
                "  97   every request failed or every iteration threw",
                "  99   a threshold was breached",
                "  100  regression against the baseline (with --fail-on-regression)",
                "  108  the script called abort()",
                "  130  interrupted (Ctrl-C, SIGTERM); the results are still written",
                "",
                "More in docs/cli.md; 'salvo help COMMAND' shows any command's help."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

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

    @Mixin
    WebOptions live = new WebOptions();

    @Spec
    CommandSpec spec;

    /** Where the flags' SALVO_* variables are read; set by {@link Main}. */
    EnvironmentFlags environment = new EnvironmentFlags(Map.of());

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>(environment.problems());
        problems.addAll(load.problems());
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
        problems.addAll(live.problems(execution.segment != null || execution.segmentSequence != null));
        if (baselines.problem() != null) problems.add(baselines.problem());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("salvo run: " + p));
            return ExitCodes.USAGE;
        }
        environment.warnings(spec).forEach(w -> err.println("salvo run: warning: " + w));
        RunSettings.ConsoleOptions console = new RunSettings.ConsoleOptions(null, quiet, true, !output.noProgress,
                output.progressInterval, output.trendStats());
        RunSettings.Results results = new RunSettings.Results(output.paths(),
                baselines.baseline == null ? null : (tree, o, e) -> baselines.compare(tree, "this run", o, e),
                baselines.saveBaseline, exitCodeOnError);
        LoadTest test = new LoadTest(new RunSettings(script, load.inputs(environment.fromEnvironment(spec.commandLine().getParseResult())), how, console, results, live.live()), out, err);
        Signals.onInterrupt(test::stop);
        return test.run();
    }
}
