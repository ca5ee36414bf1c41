package dev.salvo.dsl.repl;

import dev.salvo.dsl.cli.Prepared;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.JsScriptRuntime;
import dev.salvo.dsl.script.ScriptError;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.PlanException;
import dev.salvo.engine.report.ConsoleSummary;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.run.ScriptFailure;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.run.Workers;
import dev.salvo.engine.thresholds.Verdict;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code .run [FUNCTION] [-u N] [-t DUR] [-i N]}: writes the session as a script beside the
 * session's files, runs it with the same engine as {@code salvo run}, prints the end-of-test summary.
 */
final class LoadRun {
    private final Workers workers;
    private final String envJson;
    private volatile Run running;

    LoadRun(Workers workers, String envJson) {
        this.workers = workers;
        this.envJson = envJson;
    }

    /** Parses the arguments of {@code .run}; returns false with a message on {@code err} for bad ones. */
    boolean run(String args, Saver saver, Path folder, PrintStream out, PrintStream err) throws InterruptedException {
        String entry = null;
        Integer vus = null;
        Integer iterations = null;
        Duration duration = null;
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        try {
            for (int i = 0; i < words.length; i++) {
                switch (words[i]) {
                    case "-u" -> vus = Integer.parseInt(words[++i]);
                    case "-i" -> iterations = Integer.parseInt(words[++i]);
                    case "-t" -> duration = Durations.parse(words[++i]);
                    default -> {
                        if (words[i].startsWith("-") || entry != null) throw new IllegalArgumentException("unknown argument '" + words[i] + "'");
                        entry = words[i];
                    }
                }
            }
        } catch (RuntimeException e) {
            err.println(".run: " + (e instanceof ArrayIndexOutOfBoundsException ? "a value is missing" : e.getMessage())
                    + " (usage: .run [FUNCTION] [-u N] [-t DUR] [-i N])");
            return false;
        }
        if (entry != null && !entry.equals("default") && !saver.functions().contains(entry)) {
            err.println(".run: unknown function '" + entry + "'; declared functions: "
                    + (saver.functions().isEmpty() ? "none (declare one: async function name() { ... })" : String.join(", ", saver.functions())));
            return false;
        }
        if ("default".equals(entry)) entry = null;
        if (entry == null && saver.isEmpty()) {
            err.println(".run: nothing to run yet: type some requests first, or name a function");
            return false;
        }
        if (vus == null) vus = 1;
        if (duration == null && iterations == null) iterations = vus;
        Path file = folder.resolve(".salvo-repl-run-" + ProcessHandle.current().pid() + ".mjs");
        try {
            Files.writeString(file, saver.script(folder, entry, false));
            return execute(file, new Overrides(vus, duration, iterations), out, err);
        } catch (java.io.IOException e) {
            err.println(".run: cannot write " + file + ": " + e.getMessage());
            return false;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException ignored) {
                // a leftover file is harmless
            }
        }
    }

    private boolean execute(Path file, Overrides overrides, PrintStream out, PrintStream err)
            throws java.io.IOException, InterruptedException {
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        Metrics metrics = new Metrics();
        HostContext host = new HostContext(envJson, false, metrics,
                m -> errors.computeIfAbsent(m, k -> new LongAdder()).increment(), m -> stop());
        try (JsScript js = JsScript.open(file)) {
            Prepared prepared = Prepared.prepare(js, host, overrides, Map.of());
            Run run = new Run(prepared.plan(), workers, new JsScriptRuntime(js, prepared.plan().isolation(), host, null), metrics);
            running = run;
            err.printf("running %d VUs, %s (Ctrl-C stops)%n", prepared.plan().maxVus(),
                    overrides.duration() != null ? "for " + Durations.format(overrides.duration()) : overrides.iterations() + " iterations");
            RunResult result = run.execute();
            List<Verdict> verdicts = ThresholdEvaluator.evaluateAll(prepared.thresholds(), result.aggregates(),
                    result.elapsed().toNanos() / 1e9);
            out.print(ConsoleSummary.render(Summary.of(result, verdicts)));
            errors.forEach((m, n) -> err.printf("  %6d × %s%n", n.sum(), m));
            out.println(result.interrupted() ? "INTERRUPTED" : verdicts.stream().allMatch(Verdict::passed) ? "PASSED" : "FAILED");
            return errors.isEmpty();
        } catch (ScriptError | ScriptFailure e) {
            err.println(".run: script error: " + e.getMessage());
            return false;
        } catch (PlanException e) {
            err.println(".run: " + String.join("; ", e.problems()));
            return false;
        } finally {
            running = null;
        }
    }

    /** Stops a running load (Ctrl-C); false when none runs. */
    boolean stop() {
        Run r = running;
        if (r == null) return false;
        r.stop();
        return true;
    }
}
