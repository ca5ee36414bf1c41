package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.JsScriptRuntime;
import dev.salvo.dsl.script.Lifecycle;
import dev.salvo.dsl.script.ScriptError;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.exec.Segment;
import dev.salvo.engine.fleet.FleetClient;
import dev.salvo.engine.metrics.ErrorCounts;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.monitor.Monitors;
import dev.salvo.engine.plan.ConfigException;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.PlanException;
import dev.salvo.engine.plan.PlanPrinter;
import dev.salvo.engine.report.ConsoleSummary;
import dev.salvo.engine.report.ProgressLine;
import dev.salvo.engine.report.Reports;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.report.SummaryJson;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.run.ScriptFailure;
import dev.salvo.engine.run.Workers;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.ThresholdMonitor;
import dev.salvo.engine.thresholds.Verdict;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load test from a script to its exit code: prepare → setup → run → teardown → verdict →
 * outputs. {@code salvo run} and the REPL's {@code .run} both run through here; {@link #stop}
 * ends it from any thread, in any phase.
 */
public final class LoadTest {
    private final RunSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final RunControl control = new RunControl();
    private final ErrorCounts scriptErrors = new ErrorCounts();

    public LoadTest(RunSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Ctrl-C or SIGTERM: no new iteration starts, the results so far are written; safe from any thread, at any time. */
    public void stop() {
        control.interrupt();
    }

    /** Script errors (iterations that threw, failed hooks) with their counts, once {@link #run} has returned. */
    public Map<String, Long> scriptErrors() {
        return scriptErrors.snapshot();
    }

    /** Runs the test; returns its exit code ({@link ExitCodes}). Problems of the script are messages on the console, not exceptions. */
    public int run() throws IOException, InterruptedException {
        RunSettings.Execution x = settings.execution();
        DemoServer target = x.demo() ? DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0)) : null;
        try (JsScript js = JsScript.open(settings.script())) {
            Map<String, String> vars = new LinkedHashMap<>();
            if (target != null) vars.putAll(target.env());
            vars.putAll(settings.inputs().env());
            return prepare(js, Prepared.envJson(vars));
        } catch (FleetClient.RefusedException e) {
            err.println(name("salvo run") + ": --coordinator: refused: " + e.getMessage() + exit(ExitCodes.USAGE));
            return ExitCodes.USAGE;
        } catch (ScriptError | ScriptFailure e) {
            err.println(name("salvo") + ": script error: " + e.getMessage());
            return ExitCodes.SCRIPT;
        } catch (PlanException e) {
            err.println(name("salvo") + ": invalid options in " + settings.script() + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.SCRIPT;
        } catch (ConfigException e) {
            err.println(name("salvo run") + ": bad configuration:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.USAGE;
        } finally {
            if (target != null) target.close();
        }
    }

    private String name(String cli) {
        return settings.console().name() != null ? settings.console().name() : cli;
    }

    private int prepare(JsScript js, String envJson)
            throws ScriptError, ScriptFailure, PlanException, ConfigException, IOException, InterruptedException, FleetClient.RefusedException {
        RunSettings.Inputs in = settings.inputs();
        RunSettings.Execution x = settings.execution();
        Metrics metrics = new Metrics();
        HostContext host = new HostContext(envJson, false, metrics, scriptErrors::add, control::abort);
        Prepared prepared = Prepared.prepare(js, host, in.overrides(), in.tags(), in.layers());
        Plan whole = prepared.plan();
        if (x.insecureSkipTlsVerify()) whole = whole.withClient(whole.client().withTls(whole.client().tls().insecure()));
        Segment segment = x.distributed().segment();
        // A segment does not judge the thresholds: 'salvo merge' evaluates them once over every segment.
        prepared = prepared.slice(whole.segment(segment), segment.whole());
        prepared.warnings().forEach(this::warn);
        if (x.printPlan()) {
            out.print(PlanPrinter.render(prepared.plan(), prepared.resolved()));
            return ExitCodes.OK;
        }
        String tooMany = Capacity.check(prepared.plan(), Runtime.getRuntime().maxMemory());
        if (tooMany != null) {
            if (in.overrides().vus() == null) throw new PlanException(List.of("options (VUs): " + tooMany));
            err.println(name("salvo run") + ": --vus " + in.overrides().vus() + ": " + tooMany);
            return ExitCodes.USAGE;
        }
        if (prepared.plan().discardResponseBodies()) {
            host = new HostContext(envJson, true, metrics, host.errors(), host.abort(), host.monitors());
        }
        warnIfInterpreted(js);
        prepared.plan().warnings().stream().skip(whole.warnings().size()).forEach(this::warn);
        if (!segment.whole() && whole.thresholds() != null && !whole.thresholds().isEmpty()) {
            err.println("salvo: segment " + segment + ": thresholds are evaluated by 'salvo merge' over every segment, not here");
        }
        FleetShard fleet = x.distributed().coordinator() == null ? null
                : FleetShard.join(x.distributed(), x.distributed().describe(settings.script(), whole), err);
        try {
            if (fleet == null) {
                x.distributed().awaitStart(err);
            } else {
                String why = fleet.awaitStart(err, control::interrupted);
                if (why != null) {
                    err.println(name("salvo") + ": stopped before the start: " + why + exit(ExitCodes.INTERRUPTED));
                    return ExitCodes.INTERRUPTED;
                }
                fleet.onStop(control);
            }
            int code;
            if (x.pool() != null) {
                code = execute(js, prepared, whole, host, metrics, x.pool(), fleet);
            } else {
                try (Workers pool = new Workers(x.workers() != null ? x.workers() : Workers.defaultCount())) {
                    code = execute(js, prepared, whole, host, metrics, pool, fleet);
                }
            }
            if (fleet != null) fleet.deliver(settings.results().paths(), code, err);
            return code;
        } finally {
            if (fleet != null) fleet.close();
        }
    }

    private int execute(JsScript js, Prepared prepared, Plan whole, HostContext host, Metrics metrics, Workers pool, FleetShard fleet)
            throws ScriptFailure, IOException, InterruptedException {
        RunSettings.Execution x = settings.execution();
        RunSettings.ConsoleOptions console = settings.console();
        Plan plan = prepared.plan();
        Reports reports;
        try {
            reports = Reports.open(settings.results().paths(), System.currentTimeMillis());
        } catch (IOException e) {
            err.println(name("salvo") + ": cannot write the result files: " + e.getMessage() + exit(ExitCodes.WRITE_FAILED));
            return ExitCodes.WRITE_FAILED;
        }
        try (reports) {
            reports.json("distributed", x.distributed().describe(settings.script(), whole));
            Lifecycle lifecycle = new Lifecycle(js, plan, host);
            Instant setupStart = Instant.now();
            long t0 = System.nanoTime();
            String data;
            try {
                data = prepared.info().exportsFunction("setup") ? lifecycle.setup(pool.get(0), control.interruption()) : null;
            } catch (ScriptError e) {
                if (control.aborted() != null) {
                    out.println("\nABORTED by the script in setup(): " + control.aborted() + exit(ExitCodes.ABORTED));
                    return ExitCodes.ABORTED;
                }
                // No VU ran: the results are what setup() measured, and why it ended.
                RunResult nothing = new RunResult(plan, setupStart, Duration.ofNanos(System.nanoTime() - t0), metrics.aggregates(),
                        control.interrupted() ? Map.of() : Map.of(e.getMessage(), 1L), 0, control.interrupted());
                return conclude(prepared, nothing, metrics, reports, control.interrupted() ? null : e.getMessage(), "setup-failed");
            }
            Duration warm = x.warmup() != null ? x.warmup() : Warmup.of(prepared.resolved().options());
            if (!warm.isZero() && !Warmup.run(warm, plan, pool, js, host.envJson(), data, err, console.quiet(), control)) {
                err.println(name("salvo") + ": interrupted during the warm-up: nothing was measured");
                return conclude(prepared, new RunResult(plan, setupStart, Duration.ofNanos(System.nanoTime() - t0), metrics.aggregates(),
                        Map.of(), 0, true), metrics, reports, null, null);
            }
            reports.json("warmup", JsonNodeFactory.instance.objectNode().put("seconds", warm.toNanos() / 1e9));
            Run run = new Run(plan, pool, new JsScriptRuntime(js, plan.isolation(), host, data), metrics)
                    .vuIdOffset(whole.vuIdOffset(x.distributed().segment()));
            control.attach(run);
            run.onWarning(this::warn);
            run.onFatal(control::outOfMemory);
            if (x.maxDuration() != null) control.capAfter(x.maxDuration());
            ProgressLine progressLine = new ProgressLine();
            run.addIntervalListener(progressLine);
            reports.listeners().forEach(run::addIntervalListener);
            if (fleet != null) run.addIntervalListener(fleet);
            if (console.banner() && !console.quiet()) {
                err.printf("salvo: running %s (%d VUs max, up to %s)%n", settings.script(), plan.maxVus(), Durations.format(plan.maxDuration()));
            }
            RunResult result;
            try (Progress progress = console.quiet() || !console.progress() ? null
                    : new Progress(run, progressLine, plan, prepared.thresholds(), err, console.progressInterval());
                 ThresholdMonitor monitor = new ThresholdMonitor(prepared.thresholds(), metrics, control::thresholdFailed);
                 Monitors monitors = host.monitors()) {
                monitors.start(this::warn);
                result = run.execute();
            }
            String teardownFailed = null;
            if (!result.interrupted() && prepared.info().exportsFunction("teardown")) {
                try {
                    lifecycle.teardown(pool.get(0), data, control.interruption());
                } catch (ScriptError e) {
                    if (!control.interrupted()) {
                        teardownFailed = e.getMessage();
                        scriptErrors.add(teardownFailed);
                    }
                }
            }
            return conclude(prepared, result, metrics, reports, teardownFailed, null);
        }
    }

    /**
     * The verdict and the outputs of a run that has returned, or of setup() that failed
     * ({@code hookFailed}: its or teardown()'s error, which makes a passing run exit 3; {@code endedAs}: how
     * the files say the run ended then, null for as the verdict has it).
     */
    private int conclude(Prepared prepared, RunResult result, Metrics metrics, Reports reports, String hookFailed, String endedAs) {
        RunSettings.Results results = settings.results();
        List<Verdict> verdicts = ThresholdEvaluator.evaluateAll(prepared.thresholds(), result.aggregates(), result.elapsed().toNanos() / 1e9);
        Summary summary = Summary.of(result, verdicts);
        if (!settings.console().quiet()) out.print(ConsoleSummary.render(summary, settings.console().trendStats()));
        List<String> warnings = new ArrayList<>(metrics.warnings());
        warnings.addAll(ThresholdEvaluator.unmatchedSelectors(prepared.thresholds(), result.aggregates()));
        warnings.forEach(this::warn);
        if (!scriptErrors.isEmpty()) {
            err.println("\n  script errors");
            scriptErrors.snapshot().forEach((m, n) -> err.printf("    %6d × %s%n", n, m));
        }
        Ending ending = Ending.of(result, verdicts, control, results.exitCodeOnError());
        // setup() failing says more than thresholds without data; a failed teardown() only fails a passing run
        if (hookFailed != null && endedAs != null) ending = Ending.failed(ExitCodes.SCRIPT, hookFailed, endedAs);
        else if (hookFailed != null) ending = ending.orElse(ExitCodes.SCRIPT, hookFailed, null);
        out.println("\n" + ending.line());
        if (control.capped()) warn("stopped at --max-duration " + Durations.format(settings.execution().maxDuration()));
        String script = settings.script().toString();
        if (results.baseline() != null) {
            try {
                int gate = results.baseline().compare(SummaryJson.tree(summary, ending.end(), script, warnings), out, err);
                // a breached threshold (99), abort or Ctrl-C says more than a regression
                ending = ending.orElse(gate, "a regression against the baseline", null);
            } catch (IOException e) {
                warn("baseline not compared: " + e.getMessage());
            }
        }
        List<String> unwritten = Outputs.finish(reports, summary, ending.end(), script, warnings);
        if (results.saveBaseline() != null) {
            String problem = Outputs.saveBaseline(results.saveBaseline(), summary, ending.end(), script, warnings);
            if (problem != null) unwritten = concat(unwritten, problem);
        }
        if (!unwritten.isEmpty()) {
            unwritten.forEach(p -> err.println(name("salvo") + ": " + p));
            Ending failed = ending.orElse(ExitCodes.WRITE_FAILED, "a result file could not be written: " + unwritten.get(0), null);
            if (failed != ending) out.println(failed.line());
            ending = failed;
        }
        return ending.code();
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static String exit(int code) {
        return " (exit " + code + ")";
    }

    private void warn(String warning) {
        err.println("salvo: warning: " + warning);
    }

    private void warnIfInterpreted(JsScript js) {
        if ("optimizing".equals(System.getProperty("salvo.jsRuntime")) && "Interpreted".equals(js.runtimeName())) {
            warn("the optimizing JavaScript runtime did not start on this JDK; running interpreted (slower). See docs/performance.md");
        }
    }
}
