package dev.salvo.dsl.cli;

import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.JsScriptRuntime;
import dev.salvo.dsl.script.Lifecycle;
import dev.salvo.dsl.script.ScriptError;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.monitor.Monitors;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.PlanException;
import dev.salvo.engine.report.ConsoleSummary;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.run.ScriptFailure;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.ThresholdMonitor;
import dev.salvo.engine.run.Workers;
import dev.salvo.engine.thresholds.Verdict;
import dev.salvo.engine.report.ProgressLine;
import dev.salvo.engine.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** {@code salvo run SCRIPT}: runs a load test and prints its summary; the exit code is the verdict. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a load test script.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The scenario script (an ES module).")
    Path script;

    @Option(names = {"-u", "--vus", "--users"}, paramLabel = "N", description = "Number of VUs (replaces the script's scenarios).")
    Integer vus;

    @Option(names = {"-t", "--duration", "--run-time"}, paramLabel = "DUR", converter = DurationConverter.class,
            description = "Test duration, e.g. 30s, 5m, 1h30m (replaces the script's scenarios).")
    Duration duration;

    @Option(names = {"-r", "--spawn-rate"}, paramLabel = "R",
            description = "With -u and -t: start R users per second up to N, hold until T (Locust's model; ramping-vus).")
    Double spawnRate;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Total iterations, shared by the VUs (replaces the script's scenarios).")
    Integer iterations;

    @Option(names = "--profile", paramLabel = "NAME", description = "Apply a named profile from salvo.yaml or options.profiles.")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", description = "The config file with defaults and profiles (default: salvo.yaml beside the script).")
    Path config;

    @Option(names = "--print-plan", description = "Print every scenario's executor and parameters, and where each value came from; run nothing.")
    boolean printPlan;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Set env.K for the script (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--tag", paramLabel = "K=V", description = "Add a tag to every sample of the run (repeatable).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--demo", description = "Start the embedded demo target for this run; sets env.BASE_URL, env.HTTPS_URL and env.WS_URL.")
    boolean demo;

    @Option(names = "--insecure-skip-tls-verify",
            description = "Accept any TLS certificate (self-signed, expired, another host's), as k6's flag; the same as options.insecureSkipTLSVerify.")
    boolean insecureSkipTlsVerify;

    @Option(names = "--segment", paramLabel = "I/N",
            description = "Run slice I of N (0-based: 0/3, 1/3, 2/3) of every scenario; merge the results with 'salvo merge'.")
    String segment;

    @Option(names = "--segment-sequence", paramLabel = "LIST",
            description = "Unequal slices for --segment, as fractions from 0 to 1: 0,1/4,1/2,1 makes 3 segments (1/4, 1/4, 1/2).")
    String segmentSequence;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Wait until this RFC 3339 time (e.g. 2026-01-31T12:00:00Z) before starting: a barrier for segments.")
    String startAt;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer workers;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line, not the summary.")
    boolean quiet;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--max-duration", paramLabel = "DUR", converter = DurationConverter.class,
            description = "Hard cap on the run's length, whatever the script says: stop then, write every result (for CI jobs).")
    Duration maxDuration;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    BaselineOptions baselines = new BaselineOptions();

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (vus != null && vus < 1) return usage("--vus must be at least 1, not " + vus);
        if (iterations != null && iterations < 1) return usage("--iterations must be at least 1, not " + iterations);
        if (spawnRate != null && !(spawnRate > 0)) return usage("--spawn-rate must be > 0, not " + spawnRate);
        if (workers != null && workers < 1) return usage("--workers must be at least 1, not " + workers);
        if (!Files.isRegularFile(script)) return usage("script not found: " + script);
        Distributed distributed;
        try {
            distributed = Distributed.of(segment, segmentSequence, startAt);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        List<String> outputProblems = output.problems();
        if (!outputProblems.isEmpty()) return usage(String.join("\nsalvo run: ", outputProblems));
        if (config != null && !Files.isRegularFile(config)) return usage("config file not found: " + config);
        if (maxDuration != null && maxDuration.isZero()) return usage("--max-duration must be > 0");
        if (baselines.problem() != null) return usage(baselines.problem());
        DemoServer target = demo ? DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0)) : null;
        try (JsScript js = JsScript.open(script)) {
            Map<String, String> vars = new LinkedHashMap<>();
            if (target != null) {
                vars.putAll(target.env());
            }
            vars.putAll(env);
            return run(js, Prepared.envJson(vars), distributed);
        } catch (ScriptError | ScriptFailure e) {
            err.println("salvo: script error: " + e.getMessage());
            return ExitCodes.SCRIPT;
        } catch (PlanException e) {
            err.println("salvo: invalid options in " + script + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.SCRIPT;
        } catch (dev.salvo.engine.plan.ConfigException e) {
            err.println("salvo run: bad configuration:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.USAGE;
        } finally {
            if (target != null) target.close();
        }
    }

    private int usage(String message) {
        err.println("salvo run: " + message);
        return ExitCodes.USAGE;
    }

    private int run(JsScript js, String envJson, Distributed distributed) throws ScriptError, ScriptFailure, PlanException, IOException, InterruptedException,
            dev.salvo.engine.plan.ConfigException {
        Map<String, LongAdder> scriptErrors = new ConcurrentHashMap<>();
        RunControl control = new RunControl();
        Metrics metrics = new Metrics();
        HostContext host = new HostContext(envJson, false, metrics, m -> count(scriptErrors, m), control::abort);
        Prepared prepared = Prepared.prepare(js, host, new Overrides(vus, duration, iterations, spawnRate), tags,
                new Prepared.Layers(config, profile));
        dev.salvo.engine.plan.Plan whole = prepared.plan();
        if (insecureSkipTlsVerify) whole = whole.withClient(whole.client().withTls(whole.client().tls().insecure()));
        // A segment does not judge the thresholds: 'salvo merge' evaluates them once over every segment.
        prepared = new Prepared(prepared.info(), whole.segment(distributed.segment()),
                distributed.segment().whole() ? prepared.thresholds() : List.of(), prepared.host(), prepared.warnings(), prepared.resolved());
        if (printPlan) {
            prepared.warnings().forEach(w -> err.println("salvo: warning: " + w));
            out.print(dev.salvo.engine.plan.PlanPrinter.render(prepared.plan(), prepared.resolved()));
            return ExitCodes.OK;
        }
        if (prepared.plan().discardResponseBodies()) {
            host = new HostContext(envJson, true, metrics, host.errors(), host.abort(), host.monitors());
        }
        prepared.warnings().forEach(w -> err.println("salvo: warning: " + w));
        warnIfInterpreted(js);
        if (!prepared.plan().warnings().equals(whole.warnings())) {
            prepared.plan().warnings().stream().skip(whole.warnings().size()).forEach(w -> err.println("salvo: warning: " + w));
        }
        if (!distributed.segment().whole() && whole.thresholds() != null && !whole.thresholds().isEmpty()) {
            err.println("salvo: segment " + distributed.segment() + ": thresholds are evaluated by 'salvo merge' over every segment, not here");
        }
        distributed.awaitStart(err);

        try (Workers pool = new Workers(workers != null ? workers : Workers.defaultCount())) {
            Lifecycle lifecycle = new Lifecycle(js, prepared.plan(), host);
            String data;
            try {
                data = prepared.info().exportsFunction("setup") ? lifecycle.setup(pool.get(0)) : null;
            } catch (ScriptError e) {
                if (control.aborted() == null) throw e;
                out.println("\nABORTED by the script in setup(): " + control.aborted() + " (exit " + ExitCodes.ABORTED + ")");
                return ExitCodes.ABORTED;
            }
            Run run = new Run(prepared.plan(), pool, new JsScriptRuntime(js, prepared.plan().isolation(), host, data), metrics)
                    .vuIdOffset(whole.vuIdOffset(distributed.segment()));
            control.attach(run);
            run.onWarning(w -> err.println("salvo: warning: " + w));
            Signals.onInterrupt(run::stop);
            if (maxDuration != null) control.capAfter(maxDuration);
            ProgressLine progressLine = new ProgressLine();
            run.addIntervalListener(progressLine);
            Reports reports = Reports.open(output.paths(), System.currentTimeMillis());
            reports.json("distributed", distributed.describe(script, whole));
            reports.listeners().forEach(run::addIntervalListener);
            if (!quiet) err.printf("salvo: running %s (%d VUs max, up to %s)%n", script,
                    prepared.plan().maxVus(), Durations.format(prepared.plan().maxDuration()));
            RunResult result;
            try (reports; Progress progress = quiet || output.noProgress ? null
                    : new Progress(run, progressLine, prepared.plan(), prepared.thresholds(), err, output.progressInterval);
                 ThresholdMonitor monitor = new ThresholdMonitor(prepared.thresholds(), metrics, control::thresholdFailed);
                 Monitors monitors = host.monitors()) {
                monitors.start(w -> err.println("salvo: warning: " + w));
                result = run.execute();
            }
            boolean endedEarly = result.interrupted();
            if (!endedEarly && prepared.info().exportsFunction("teardown")) lifecycle.teardown(pool.get(0), data);
            List<Verdict> verdicts = ThresholdEvaluator.evaluateAll(prepared.thresholds(), result.aggregates(),
                    result.elapsed().toNanos() / 1e9);
            Summary summary = Summary.of(result, verdicts);
            if (!quiet) out.print(ConsoleSummary.render(summary, output.trendStats()));
            List<String> warnings = new java.util.ArrayList<>(metrics.warnings());
            warnings.addAll(ThresholdEvaluator.unmatchedSelectors(prepared.thresholds(), result.aggregates()));
            warnings.forEach(w -> err.println("salvo: warning: " + w));
            if (!scriptErrors.isEmpty()) {
                err.println("\n  script errors");
                scriptErrors.forEach((m, n) -> err.printf("    %6d × %s%n", n.sum(), m));
            }
            int code = verdict(result, verdicts, control);
            if (control.capped()) err.println("salvo: warning: stopped at --max-duration " + Durations.format(maxDuration));
            if (baselines.baseline != null) {
                int gate = baselines.compare(dev.salvo.engine.report.SummaryJson.tree(summary, Outputs.end(code, control, result),
                        script.toString(), warnings), "this run", out, err);
                if (code == ExitCodes.OK) code = gate; // a breached threshold (99), abort or Ctrl-C says more than a regression
            }
            Outputs.finish(reports, summary, Outputs.end(code, control, result), script.toString(), warnings, err);
            if (baselines.saveBaseline != null) Outputs.saveBaseline(baselines.saveBaseline, summary, Outputs.end(code, control, result),
                    script.toString(), warnings, err);
            return code;
        }
    }

    /** The exit code, and the line that says it: abort() > a failed threshold > Ctrl-C > passed. */
    private int verdict(RunResult result, List<Verdict> verdicts, RunControl control) {
        long failed = verdicts.stream().filter(v -> !v.passed()).count();
        if (control.aborted() != null) {
            out.println("\nABORTED by the script: " + control.aborted() + " (exit " + ExitCodes.ABORTED + ")");
            return ExitCodes.ABORTED;
        }
        if (control.thresholdAbort() != null) {
            out.println("\nFAILED: stopped early by abortOnFail: " + control.thresholdAbort().describe() + " (exit " + ExitCodes.THRESHOLDS + ")");
            return ExitCodes.THRESHOLDS;
        }
        if (result.interrupted() && !control.capped()) {
            out.println("\nINTERRUPTED (exit " + ExitCodes.INTERRUPTED + ")");
            return ExitCodes.INTERRUPTED;
        }
        if (failed > 0) {
            out.println("\nFAILED: " + failed + " of " + verdicts.size() + " thresholds breached (exit " + ExitCodes.THRESHOLDS + ")");
            verdicts.stream().filter(v -> !v.passed()).forEach(v -> out.println("  ✗ " + v.describe()));
            return ExitCodes.THRESHOLDS;
        }
        out.println("\nPASSED" + (verdicts.isEmpty() ? "" : ": " + verdicts.size() + " thresholds held"));
        return ExitCodes.OK;
    }

    private static void count(Map<String, LongAdder> errors, String message) {
        errors.computeIfAbsent(message, k -> new LongAdder()).increment();
    }

    private void warnIfInterpreted(JsScript js) {
        if ("optimizing".equals(System.getProperty("salvo.jsRuntime")) && "Interpreted".equals(js.runtimeName())) {
            err.println("salvo: warning: the optimizing JavaScript runtime did not start on this JDK; running interpreted (slower). See docs/performance.md");
        }
    }
}
