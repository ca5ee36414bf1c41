package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.SyncScriptRuntime;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.run.ScriptFailure;
import dev.salvo.engine.run.Workers;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --warmup DUR} / {@code options.warmup}: the plan runs for DUR on the same workers and the same
 * JavaScript engine, measured into a registry that is then thrown away, so the JIT and the target's
 * caches are warm when measuring starts. Its VUs are closed after it; the run makes its own.
 */
final class Warmup {
    private Warmup() {}

    /** The warm-up the options ask for ({@code options.warmup}, already validated by the plan parser), or zero. */
    static Duration of(JsonNode options) {
        JsonNode v = options == null ? null : options.get("warmup");
        if (v == null || v.isNull()) return Duration.ZERO;
        return v.isNumber() ? Durations.ofMillis(v.asDouble()) : Durations.parse(v.asText());
    }

    /** Runs the warm-up; returns false when it was interrupted (Ctrl-C: {@code control}), true when it ran its time. */
    static boolean run(Duration length, Plan plan, Workers pool, JsScript js, String envJson, String data,
                       PrintStream err, boolean quiet, RunControl control) throws ScriptFailure, InterruptedException {
        Metrics scratch = new Metrics();
        HostContext host = new HostContext(envJson, plan.discardResponseBodies(), scratch, m -> {}, m -> {});
        Run run = new Run(plan, pool, SyncScriptRuntime.of(js, plan.isolation(), host, data), scratch);
        AtomicBoolean interrupted = new AtomicBoolean(); // set by the signal handler's thread
        control.interruption().thenRun(() -> {
            interrupted.set(true);
            run.stop();
        });
        if (!quiet) err.printf("salvo: warming up for %s (not measured)%n", Durations.format(length));
        CompletableFuture.delayedExecutor(length.toNanos(), TimeUnit.NANOSECONDS).execute(run::stop);
        RunResult result = run.execute();
        if (!quiet && !interrupted.get()) {
            long iterations = result.aggregates().stream().filter(a -> a.metric().name().equals("iterations"))
                    .mapToLong(a -> (long) a.sum()).sum();
            err.printf("salvo: warm-up done (%d iteration%s); measuring from now%n", iterations, iterations == 1 ? "" : "s");
        }
        return !interrupted.get();
    }
}
