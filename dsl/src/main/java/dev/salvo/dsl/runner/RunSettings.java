package dev.salvo.dsl.runner;

import dev.salvo.dsl.script.K6Mode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.report.ReportPaths;
import dev.salvo.engine.report.TrendStats;
import dev.salvo.engine.run.Workers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@link LoadTest} is run with: what {@code salvo run}'s flags say, or what the
 * REPL's {@code .run} asks for. Nulls mean "not asked for".
 */
public record RunSettings(Path script, Inputs inputs, Execution execution, ConsoleOptions console, Results results, Live live) {
    public RunSettings(Path script, Inputs inputs, Execution execution, ConsoleOptions console, Results results) {
        this(script, inputs, execution, console, results, Live.NONE);
    }

    /**
     * The live view: {@code --web} (the page and its API on {@code host:port}, {@code auth} {@code user:pass} or null,
     * {@code autostart}) and {@code --metrics-port} ({@code /metrics} alone; null: none).
     */
    public record Live(boolean web, String host, int port, String auth, boolean autostart, Integer metricsPort) {
        public static final Live NONE = new Live(false, "127.0.0.1", 8089, null, false, null);

        public boolean any() {
            return web || metricsPort != null;
        }
    }

    /**
     * What the script sees and which options apply: {@code -u -t -i -r}, {@code --tag}, {@code -e}, {@code --config},
     * {@code --profile}, {@code --scenario} (empty: every scenario); {@code fromEnvironment}: the flags set by a
     * {@code SALVO_*} variable (long flag to variable), for {@code --print-plan}.
     */
    public record Inputs(Overrides overrides, Map<String, String> tags, Map<String, String> env, Prepared.Layers layers,
                         List<String> scenarios, Map<String, String> fromEnvironment) {
        public Inputs(Overrides overrides, Map<String, String> tags, Map<String, String> env, Prepared.Layers layers) {
            this(overrides, tags, env, layers, List.of(), Map.of());
        }
    }

    /**
     * How it runs: {@code --demo}, {@code --insecure-skip-tls-verify}, {@code --segment}/{@code --start-at},
     * {@code --workers} or a {@code pool} the caller owns (the REPL's), {@code --max-duration}, {@code --print-plan},
     * {@code --warmup} (null: as {@code options.warmup} says), {@code --k6-mode}.
     */
    public record Execution(boolean demo, boolean insecureSkipTlsVerify, Distributed distributed, Integer workers, Workers pool,
                            Duration maxDuration, boolean printPlan, Duration warmup, K6Mode k6Mode) {
        public static final Execution DEFAULT = new Execution(false, false, Distributed.WHOLE, null, null, null, false, null, K6Mode.DEFAULT);

        public Execution withPool(Workers shared) {
            return new Execution(demo, insecureSkipTlsVerify, distributed, workers, shared, maxDuration, printPlan, warmup, k6Mode);
        }
    }

    /**
     * The console: {@code name} prefixes error messages ({@code null}: salvo run's own), {@code banner}
     * prints the "running ..." line, {@code progress} the live status every {@code progressInterval}.
     */
    public record ConsoleOptions(String name, boolean quiet, boolean banner, boolean progress, Duration progressInterval,
                                 TrendStats trendStats) {}

    /** Where results go: the files, the baseline gate, {@code --save-baseline}, {@code --exit-code-on-error}. */
    public record Results(ReportPaths paths, BaselineGate baseline, Path saveBaseline, Integer exitCodeOnError) {
        public static final Results NONE = new Results(ReportPaths.NONE, null, null, null);
    }

    /** {@code --baseline FILE}: compares the finished run's summary tree; returns the exit code the comparison asks for. */
    @FunctionalInterface
    public interface BaselineGate {
        int compare(JsonNode summary, PrintStream out, PrintStream err) throws IOException;
    }
}
