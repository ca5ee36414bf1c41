package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;

import java.util.Locale;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/** The console summary's compact "generator" section: salvo's own CPU, loop lag, GC, connections, JS runtime. */
final class GeneratorSection {
    private GeneratorSection() {}

    /** Whether {@code metric} is shown here rather than in the list of metrics. */
    static boolean owns(String metric) {
        return metric.startsWith("salvo_");
    }

    static void render(Summary s, StringBuilder b) {
        Aggregate cpu = s.metric(SALVO_CPU.name());
        if (cpu == null) return;
        b.append("\n  generator\n");
        Aggregate cores = s.metric(SALVO_CPU_CORES.name());
        Aggregate machine = s.metric(SALVO_MACHINE_CPU.name());
        line(b, "cpu", String.format(Locale.ROOT, "last=%.0f%% max=%.0f%% of the usable cores (max %.2f cores busy)",
                cpu.last(), cpu.max(), cores == null ? 0 : cores.max())
                + (machine == null ? "" : String.format(Locale.ROOT, "; machine max=%.0f%%", machine.max())));
        Aggregate lag = s.metric(SALVO_LOOP_LAG.name());
        if (lag != null) line(b, "loop lag", String.format(Locale.ROOT, "p99=%sms max=%sms", ConsoleSummary.num(lag.percentile(99)),
                ConsoleSummary.num(lag.max())));
        Aggregate gc = s.metric(SALVO_GC_PAUSE.name());
        Aggregate heap = s.metric(SALVO_HEAP_AFTER_GC.name());
        String pauses = gc == null ? "0 pauses" : String.format(Locale.ROOT, "%d pauses, total %sms, max %sms", gc.count(),
                ConsoleSummary.num(gc.sum()), ConsoleSummary.num(gc.max()));
        line(b, "gc", pauses + (heap == null ? "" : "; heap after gc " + ConsoleSummary.bytes(heap.last())));
        Aggregate connections = s.metric(SALVO_CONNECTIONS.name());
        if (connections != null) line(b, "connections", "max=" + ConsoleSummary.num(connections.max()));
        if (runtime(s) != null) line(b, "js runtime", runtime(s) + jit(s));
    }

    /**
     * What the JIT did: "; 57 functions compiled (tier 1); 16.2 CPU-s used, 9.8 of them compiling", or
     * "; nothing compiled; ...": a light run should compile nothing (docs/performance.md, "Warm-up"); and
     * "; 26 compilations failed" when some did (those functions ran in the interpreter).
     */
    static String jit(Summary s) {
        Aggregate cpu = s.metric(SALVO_CPU_SECONDS.name());
        Aggregate jit = s.metric(SALVO_JIT_SECONDS.name());
        Aggregate js = s.result().aggregates().stream().filter(a -> a.metric().equals(SALVO_JS_COMPILATIONS))
                .findFirst().orElse(null);
        StringBuilder b = new StringBuilder();
        if (js != null) {
            long n = (long) js.last();
            b.append(n == 0 ? "; nothing compiled" : String.format(Locale.ROOT, "; %d function%s compiled (tier %s)", n,
                    n == 1 ? "" : "s", js.tags().get("tier")));
        }
        Aggregate failed = s.metric(SALVO_JS_COMPILE_FAILURES.name());
        if (failed != null && failed.last() > 0) {
            long n = (long) failed.last();
            b.append(String.format(Locale.ROOT, "; %d compilation%s failed", n, n == 1 ? "" : "s"));
        }
        if (cpu != null) {
            b.append(String.format(Locale.ROOT, "; %.1f CPU-s used", cpu.last()));
            if (jit != null) b.append(String.format(Locale.ROOT, ", %.1f of them compiling", jit.last()));
        }
        return b.toString();
    }

    /** The same in one sentence, for summary.md; null when the run recorded no generator health. */
    static String sentence(Summary s) {
        Aggregate cpu = s.metric(SALVO_CPU.name());
        if (cpu == null) return null;
        Aggregate lag = s.metric(SALVO_LOOP_LAG.name());
        return String.format(Locale.ROOT, "Generator: CPU max %.0f%% of the usable cores%s%s.", cpu.max(),
                lag == null ? "" : ", event-loop lag p99 " + ConsoleSummary.num(lag.percentile(99)) + " ms",
                runtime(s) == null ? "" : ", JavaScript " + runtime(s));
    }

    private static String runtime(Summary s) {
        return s.result().aggregates().stream().filter(a -> a.metric().equals(SALVO_JS_RUNTIME))
                .map(a -> a.tags().get("runtime")).findFirst().orElse(null);
    }

    private static void line(StringBuilder b, String what, String text) {
        b.append(String.format(Locale.ROOT, "    %-12s %s%n", what, text));
    }
}
