package dev.salvo.dsl.repl;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.dsl.runner.LoadTest;
import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.runner.RunSettings;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.report.TrendStats;
import dev.salvo.engine.run.Workers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code .run [FUNCTION] [-u N] [-t DUR] [-i N]}: writes the session as a script beside the
 * session's files, runs it with the same engine as {@code salvo run}, prints the end-of-test summary.
 */
final class LoadRun {
    /** The REPL's runs print the summary and the verdict, no live progress, no files. */
    /** The live progress line as salvo run shows it (on a terminal; off one, a line every 5 s). */
    private static final RunSettings.ConsoleOptions CONSOLE = new RunSettings.ConsoleOptions(".run", false, false, true,
            java.time.Duration.ofSeconds(5), TrendStats.DEFAULT);
    private final Workers workers;
    private final Map<String, String> vars;
    private volatile LoadTest running;

    LoadRun(Workers workers, Map<String, String> vars) {
        this.workers = workers;
        this.vars = vars;
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
        } catch (IOException e) {
            err.println(".run: cannot write " + file + ": " + e.getMessage());
            return false;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover file is harmless
            }
        }
    }

    private boolean execute(Path file, Overrides overrides, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        RunSettings settings = new RunSettings(file, new RunSettings.Inputs(overrides, Map.of(), vars, Prepared.Layers.NONE),
                RunSettings.Execution.DEFAULT.withPool(workers), CONSOLE, RunSettings.Results.NONE);
        LoadTest test = new LoadTest(settings, out, err);
        running = test;
        try {
            err.printf("running %d VUs, %s (Ctrl-C stops)%n", overrides.vus(),
                    overrides.duration() != null ? "for " + Durations.format(overrides.duration()) : overrides.iterations() + " iterations");
            int code = test.run();
            return code != ExitCodes.SCRIPT && code != ExitCodes.USAGE && test.scriptErrors().isEmpty();
        } finally {
            running = null;
        }
    }

    /** Stops a running load (Ctrl-C); false when none runs. */
    boolean stop() {
        LoadTest t = running;
        if (t == null) return false;
        t.stopOnRequest("stopped with Ctrl-C");
        return true;
    }
}
