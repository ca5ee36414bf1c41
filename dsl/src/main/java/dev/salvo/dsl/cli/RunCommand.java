package dev.salvo.dsl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.JsScriptRuntime;
import dev.salvo.dsl.script.Lifecycle;
import dev.salvo.dsl.script.ScriptError;
import dev.salvo.dsl.script.ScriptInfo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.PlanException;
import dev.salvo.engine.plan.PlanParser;
import dev.salvo.engine.report.ConsoleSummary;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.run.RunResult;
import dev.salvo.engine.run.ScriptFailure;
import dev.salvo.engine.run.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** {@code salvo run SCRIPT}: runs a load test and prints its summary; the exit code is the verdict. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a load test script.")
public final class RunCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The scenario script (an ES module).")
    Path script;

    @Option(names = {"-u", "--vus", "--users"}, paramLabel = "N", description = "Number of VUs (replaces the script's scenarios).")
    Integer vus;

    @Option(names = {"-t", "--duration", "--run-time"}, paramLabel = "DUR", converter = DurationConverter.class,
            description = "Test duration, e.g. 30s, 5m, 1h30m (replaces the script's scenarios).")
    Duration duration;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Total iterations, shared by the VUs (replaces the script's scenarios).")
    Integer iterations;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Set env.K for the script (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--demo", description = "Start the embedded demo target for this run; sets env.BASE_URL and env.WS_URL.")
    boolean demo;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer workers;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line, not the summary.")
    boolean quiet;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (vus != null && vus < 1) return usage("--vus must be at least 1, not " + vus);
        if (iterations != null && iterations < 1) return usage("--iterations must be at least 1, not " + iterations);
        if (workers != null && workers < 1) return usage("--workers must be at least 1, not " + workers);
        if (!Files.isRegularFile(script)) return usage("script not found: " + script);
        DemoServer target = demo ? DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0)) : null;
        try (JsScript js = JsScript.open(script)) {
            return run(js, target);
        } catch (ScriptError e) {
            err.println("salvo: script error: " + e.getMessage());
            return ExitCodes.SCRIPT;
        } finally {
            if (target != null) target.close();
        }
    }

    private int usage(String message) {
        err.println("salvo run: " + message);
        return ExitCodes.USAGE;
    }

    private int run(JsScript js, DemoServer target) throws ScriptError, IOException, InterruptedException {
        Map<String, String> vars = new TreeMap<>(System.getenv());
        if (target != null) {
            vars.put("BASE_URL", target.baseUrl());
            vars.put("WS_URL", target.wsUrl());
        }
        vars.putAll(env);
        String envJson = JSON.writeValueAsString(vars);

        ScriptInfo info = JsScriptRuntime.inspect(js, envJson);
        JsonNode options = info.optionsJson() == null ? null : JSON.readTree(info.optionsJson());
        Plan plan;
        try {
            plan = PlanParser.parse(options, new Overrides(vus, duration, iterations));
        } catch (PlanException e) {
            err.println("salvo: invalid options in " + script + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.SCRIPT;
        }
        plan.warnings().forEach(w -> err.println("salvo: warning: " + w));
        warnIfInterpreted(js);

        Map<String, LongAdder> scriptErrors = new ConcurrentHashMap<>();
        Metrics metrics = new Metrics();
        try (Workers pool = new Workers(workers != null ? workers : Workers.defaultCount())) {
            Lifecycle lifecycle = new Lifecycle(js, plan, metrics, envJson, m -> count(scriptErrors, m));
            String data = info.exportsFunction("setup") ? lifecycle.setup(pool.get(0)) : null;
            JsScriptRuntime runtime = new JsScriptRuntime(js, plan.isolation(), envJson, data,
                    plan.discardResponseBodies(), m -> count(scriptErrors, m));
            Run run = new Run(plan, pool, runtime, metrics);
            Signals.onInterrupt(run::stop);
            if (!quiet) err.printf("salvo: running %s (%d VUs max, up to %s)%n", script,
                    plan.maxVus(), dev.salvo.engine.plan.Durations.format(plan.maxDuration()));
            RunResult result;
            try (Progress progress = quiet ? null : new Progress(run, err)) {
                result = run.execute();
            }
            if (!result.interrupted() && info.exportsFunction("teardown")) lifecycle.teardown(pool.get(0), data);
            Summary summary = Summary.of(result);
            if (!quiet) out.print(ConsoleSummary.render(summary));
            if (!scriptErrors.isEmpty()) {
                err.println("\n  script errors");
                scriptErrors.forEach((m, n) -> err.printf("    %6d × %s%n", n.sum(), m));
            }
            int code = result.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
            out.println(code == ExitCodes.OK ? "\nPASSED" : "\nINTERRUPTED (exit " + code + ")");
            return code;
        } catch (ScriptFailure e) {
            err.println("salvo: script error: " + e.getMessage());
            return ExitCodes.SCRIPT;
        }
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
