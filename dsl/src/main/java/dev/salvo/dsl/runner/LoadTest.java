package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.SyncScriptRuntime;
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
import org.graalvm.polyglot.PolyglotException;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
    /** The demo target's base URLs, each with the symbol that names its requests (--demo). */
    private final Map<String, String> demoUrls = new LinkedHashMap<>();
    /** The live line while the run goes on (null otherwise): warnings print above it. */
    private volatile Progress progress;
    /** --web or --metrics-port: the live view of the run; null without. */
    private volatile WebRun web;
    /** The VUs run: between setup() and teardown(). */
    private volatile boolean measuring;

    public LoadTest(RunSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Ctrl-C or SIGTERM: no new iteration starts, the results so far are written; safe from any thread, at any time. */
    public void stop() {
        control.interrupt();
    }

    /**
     * A user's stop ({@code why}: "stopped with Ctrl-C"): while the VUs run, the run ends on purpose and says
     * "stopped", not INTERRUPTED; in setup() or teardown() it interrupts them as {@link #stop} does.
     */
    public void stopOnRequest(String why) {
        if (measuring) control.stopOnRequest(why);
        else control.interrupt();
    }

    /** The script is a k6 script: k6's exit codes (no 97 when nothing succeeded, as k6 exits 0 then). */
    private boolean k6;
    /** The script's handleSummary() (k6's), called at the end in place of salvo's console summary; null when there is none. */
    private K6HandleSummary handleSummary;

    /** Script errors (iterations that threw, failed hooks) with their counts, once {@link #run} has returned. */
    public Map<String, Long> scriptErrors() {
        return scriptErrors.snapshot();
    }

    /** Runs the test; returns its exit code ({@link ExitCodes}). Problems of the script are messages on the console, not exceptions. */
    public int run() throws IOException, InterruptedException {
        RunSettings.Execution x = settings.execution();
        DemoServer target = x.demo() ? DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0)) : null;
        try (JsScript js = JsScript.open(settings.script(), x.k6Mode())) {
            Map<String, String> vars = new LinkedHashMap<>();
            if (target != null) vars.putAll(target.env());
            vars.putAll(settings.inputs().env());
            if (target != null) {
                // requests to the demo are named ${env.BASE_URL}/...: its port changes with every run
                for (Map.Entry<String, String> e : target.env().entrySet()) {
                    if (e.getValue().equals(vars.get(e.getKey()))) demoUrls.put(e.getValue(), "${env." + e.getKey() + "}");
                }
            }
            int code = prepare(js, Prepared.envJson(vars));
            if (web != null) web.awaitQuit(err);
            return code;
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
            if (web != null) web.close();
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
        metrics.nameUrls(demoUrls);
        HostContext host = new HostContext(envJson, false, metrics, scriptErrors::add, control::abort);
        Prepared prepared;
        // Ctrl-C while the module's top level runs: code that never yields there holds this thread, so it is cancelled from the signal's.
        CompletableFuture<Void> cancel = control.interruption().thenRun(js::cancel);
        try {
            prepared = Prepared.prepare(js, host, in.overrides(), in.tags(), in.layers()).select(in.scenarios())
                    .fromEnvironment(in.fromEnvironment());
        } catch (ScriptError | PolyglotException | IllegalStateException e) {
            if (!control.interrupted()) throw e;
            prepared = null;
        } finally {
            cancel.cancel(false);
        }
        if (control.interrupted()) {
            err.println(name("salvo") + ": interrupted while loading the script: nothing ran, no result file written" + exit(ExitCodes.INTERRUPTED));
            return ExitCodes.INTERRUPTED;
        }
        prepared = insecure(prepared);
        Plan whole = prepared.plan();
        Segment segment = x.distributed().segment();
        // A segment does not judge the thresholds: 'salvo merge' evaluates them once over every segment.
        prepared = prepared.slice(whole.segment(segment), segment.whole());
        prepared.warnings().forEach(this::warn);
        if (x.printPlan()) {
            out.print(PlanPrinter.render(prepared.plan(), prepared.resolved()));
            if (!in.fromEnvironment().isEmpty()) {
                out.println("  flags from the environment");
                in.fromEnvironment().forEach((flag, variable) -> out.printf("    %-18s %s%n", flag, variable));
            }
            return ExitCodes.OK;
        }
        String tooMany = Capacity.check(prepared.plan(), Runtime.getRuntime().maxMemory());
        if (tooMany != null) {
            if (in.overrides().vus() == null) throw new PlanException(List.of("options (VUs): " + tooMany));
            err.println(name("salvo run") + ": --vus " + in.overrides().vus() + ": " + tooMany);
            return ExitCodes.USAGE;
        }
        if (settings.live().any()) {
            web = new WebRun(settings.live(), control, scriptErrors, settings.script().toString());
            HostContext h = host;
            try {
                web.open(prepared, in.overrides(), o -> insecure(Prepared.prepare(js, h, o, in.tags(), in.layers()).select(in.scenarios())), err);
            } catch (IllegalArgumentException e) {
                err.println(name("salvo run") + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            prepared = web.awaitStart();
            if (prepared == null) {
                err.println(name("salvo") + ": interrupted before the start: nothing ran" + exit(ExitCodes.INTERRUPTED));
                return ExitCodes.INTERRUPTED;
            }
            // --web cannot be combined with --segment: the plan started is the whole
            whole = prepared.plan();
            if (settings.live().web()) prepared = prepared.slice(prepared.plan().live(), true);
        }
        if (prepared.plan().discardResponseBodies()) {
            host = new HostContext(envJson, true, metrics, host.errors(), host.abort(), host.monitors());
        }
        warnIfInterpreted(js);
        js.warnings().forEach(this::warn);
        k6 = js.isK6();
        prepared.plan().warnings().stream().skip(whole.warnings().size()).forEach(this::warn);
        if (!segment.whole() && whole.thresholds() != null && !whole.thresholds().isEmpty()) {
            String judge = x.distributed().coordinator() != null ? "the coordinator" : "'salvo merge'";
            err.println("salvo: segment " + segment + ": thresholds are evaluated by " + judge + " over every segment, not here");
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

    /** {@code --insecure-skip-tls-verify} applied to the plan. */
    private Prepared insecure(Prepared p) {
        if (!settings.execution().insecureSkipTlsVerify()) return p;
        return p.slice(p.plan().withClient(p.plan().client().withTls(p.plan().client().tls().insecure())), true);
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
            // k6's handleSummary(): k6 scripts, and the scripts salvo convert made of them
            if (prepared.info().exportsFunction("handleSummary")) {
                handleSummary = new K6HandleSummary(lifecycle, pool.get(0), control.interruption(), console.trendStats());
            }
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
            Run run = new Run(plan, pool, SyncScriptRuntime.of(js, plan.isolation(), host, data), metrics)
                    .vuIdOffset(whole.vuIdOffset(x.distributed().segment()));
            control.attach(run);
            if (web != null) {
                web.listeners().forEach(run::addIntervalListener);
                web.attach(run, prepared);
            }
            run.onWarning(this::warn);
            run.onFatal(control::outOfMemory);
            if (x.maxDuration() != null) control.capAfter(x.maxDuration());
            ProgressLine progressLine = new ProgressLine();
            run.addIntervalListener(progressLine);
            reports.watch(prepared.thresholds());
            reports.listeners().forEach(run::addIntervalListener);
            if (fleet != null) run.addIntervalListener(fleet);
            if (console.banner() && !console.quiet()) {
                err.println("salvo: running " + settings.script() + " (" + startLine(plan) + ")");
            }
            RunResult result;
            try (Progress progress = console.quiet() || !console.progress() ? null
                    : new Progress(run, progressLine, plan, prepared.thresholds(), err, console.progressInterval());
                 ThresholdMonitor monitor = new ThresholdMonitor(prepared.thresholds(), metrics, control::thresholdFailed);
                 Monitors monitors = host.monitors()) {
                this.progress = progress;
                monitors.start(this::warn);
                measuring = true;
                result = run.execute();
            } finally {
                measuring = false;
                this.progress = null;
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
        Ending ending = Ending.of(result, verdicts, control, results.exitCodeOnError(), k6);
        // setup() failing says more than thresholds without data; a failed teardown() only fails a passing run
        if (hookFailed != null && endedAs != null) ending = Ending.failed(ExitCodes.SCRIPT, hookFailed, endedAs);
        else if (hookFailed != null) ending = ending.orElse(ExitCodes.SCRIPT, hookFailed, null);
        boolean custom = handleSummary != null && handleSummary.run(summary, out, err, this::warn);
        if (!custom && !settings.console().quiet()) out.print(ConsoleSummary.render(summary, settings.console().trendStats(), ending.end().ended()));
        List<String> warnings = new ArrayList<>(metrics.warnings());
        warnings.addAll(ThresholdEvaluator.unmatchedSelectors(prepared.thresholds(), result.aggregates()));
        warnings.forEach(this::warn);
        if (!scriptErrors.isEmpty()) {
            err.println("\n  script errors");
            scriptErrors.snapshot().forEach((m, n) -> err.printf("    %6d × %s%n", n, m));
        }
        out.println((settings.console().quiet() ? "" : "\n") + ending.line());
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
        if (web != null) web.finished(summary, ending.end(), warnings);
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
        Progress p = progress;
        if (p != null) p.println("salvo: warning: " + warning);
        else err.println("salvo: warning: " + warning);
        if (web != null) web.warn(warning);
    }

    /** "10 VUs max, 15s planned, then up to 30s of graceful stop" for the line that starts the run. */
    static String startLine(Plan plan) {
        Duration planned = plan.plannedDuration(), grace = plan.maxDuration().minus(planned);
        return plan.maxVus() + (plan.maxVus() == 1 ? " VU" : " VUs") + " max, " + Durations.format(planned) + " planned"
                + (grace.isZero() ? "" : ", then up to " + Durations.format(grace) + " of graceful stop");
    }

    private void warnIfInterpreted(JsScript js) {
        if ("optimizing".equals(System.getProperty("salvo.jsRuntime")) && "Interpreted".equals(js.runtimeName())) {
            warn("the optimizing JavaScript runtime did not start on this JDK; running interpreted (slower). See docs/performance.md");
        }
    }
}
