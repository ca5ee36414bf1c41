package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.thresholds.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;


/** The end-of-test summary printed on the console: scenarios, requests, checks, errors, main metrics. */
public final class ConsoleSummary {
    private static final List<String> MAIN = List.of("http_reqs", "http_req_duration", "http_req_failed",
            "http_req_waiting", "http_req_connecting", "iterations", "iteration_duration", "checks", "group_duration",
            "vus", "vus_max", "data_received", "data_sent");

    private ConsoleSummary() {}

    public static String render(Summary s) {
        return render(s, TrendStats.DEFAULT, null);
    }

    /**
     * The summary with {@code stats} as the trend columns (k6's {@code --summary-trend-stats}); its last line
     * says how the run {@code ended} ({@link RunEnd#ended()}; null: finished, or interrupted if it was stopped).
     */
    public static String render(Summary s, TrendStats stats, String ended) {
        StringBuilder b = new StringBuilder();
        b.append('\n');
        for (Scenario sc : s.result().plan().scenarios()) {
            b.append(String.format(Locale.ROOT, "  scenario %s: %s %s%n", sc.name(), sc.executor().type(), sc.executor().parameters()));
        }
        thresholds(s, b);
        requests(s, b, stats);
        checks(s, b);
        errors(s, b);
        metrics(s, b, stats);
        GeneratorSection.render(s, b);
        long iterations = s.metric("iterations") == null ? 0 : (long) s.metric("iterations").sum();
        // the time the rates above are over, to a tenth of a second: "finished in 3s" next to rates over 3.9 s misleads
        b.append(String.format(Locale.ROOT, "%n  %s in %s: %s completed, %d interrupted%n",
                endedAs(ended, s.result().interrupted()), Human.seconds(s.seconds()),
                Human.count(iterations, "iteration"), s.result().interruptedIterations()));
        return b.toString();
    }

    /** "finished", "INTERRUPTED" (a signal), "stopped" (by a user, on purpose), or the other ways a run stops: "stopped (out-of-memory)", as summary.json's {@code ended}. */
    private static String endedAs(String ended, boolean interrupted) {
        return switch (ended == null ? (interrupted ? "interrupted" : "completed") : ended) {
            case "completed" -> "finished";
            case "interrupted" -> "INTERRUPTED";
            case "stopped" -> "stopped";
            default -> "stopped (" + ended + ")";
        };
    }

    private static void thresholds(Summary s, StringBuilder b) {
        if (s.thresholds().isEmpty()) return;
        b.append("\n  thresholds\n");
        for (Verdict v : s.thresholds()) {
            b.append("    ").append(v.passed() ? "✓ " : "✗ ").append(v.describe()).append('\n');
        }
    }

    private static void requests(Summary s, StringBuilder b, TrendStats stats) {
        if (s.requests().isEmpty()) return;
        int w = Math.max(4, s.requests().stream().mapToInt(r -> r.name().length()).max().orElse(4));
        w = Math.min(w, 60);
        List<TrendStats.Stat> cols = stats.table();
        String fmt = "  %-" + w + "s %-7s %9s %8s %9s" + " %9s".repeat(cols.size()) + "%n";
        List<Object> head = new ArrayList<>(List.of("NAME", "METHOD", "REQS", "FAILS", "RPS"));
        cols.forEach(c -> head.add(c.label().toUpperCase(Locale.ROOT).replace("(", "").replace(")", "")));
        b.append('\n').append(String.format(Locale.ROOT, fmt, head.toArray()));
        for (Summary.RequestRow r : s.requests()) {
            Aggregate d = r.duration();
            List<Object> row = new ArrayList<>(List.of(clip(r.name(), w), r.method(), r.count(), r.failures(),
                    num(r.count() / s.seconds())));
            cols.forEach(c -> row.add(ms(c.value().applyAsDouble(d))));
            b.append(String.format(Locale.ROOT, fmt, row.toArray()));
        }
        b.append("  (latencies in ms)\n");
    }

    private static void checks(Summary s, StringBuilder b) {
        if (s.checks().isEmpty()) return;
        b.append("\n  checks\n");
        String group = "";
        for (Summary.CheckRow c : s.checks()) {
            if (!c.group().equals(group)) {
                group = c.group();
                b.append("    █ ").append(group).append('\n');
            }
            long total = c.passes() + c.fails();
            b.append(String.format(Locale.ROOT, "    %s %s  %d passed, %d failed (%.2f%%)%n", c.fails() == 0 ? "✓" : "✗",
                    c.name(), c.passes(), c.fails(), total == 0 ? 0 : 100.0 * c.passes() / total));
        }
    }

    private static void errors(Summary s, StringBuilder b) {
        if (!s.httpErrors().isEmpty()) {
            b.append("\n  failed requests\n");
            for (Summary.ErrorRow e : s.httpErrors()) {
                String why = e.errorCode() != null
                        ? "error " + e.errorCode() + " (" + ErrorCodes.describe(e.errorCode()) + ")"
                        : "status " + e.status();
                b.append(String.format(Locale.ROOT, "    %6d × %s %s: %s%n", e.count(), e.method(), e.name(), why));
            }
        }
        if (!s.result().iterationErrors().isEmpty()) {
            b.append("\n  iteration errors\n");
            s.result().iterationErrors().forEach((msg, n) -> b.append(String.format(Locale.ROOT, "    %6d × %s%n", n, msg)));
        }
    }

    private static void metrics(Summary s, StringBuilder b, TrendStats stats) {
        b.append('\n');
        for (String name : MAIN) {
            Aggregate a = s.metric(name);
            if (a == null) continue;
            b.append(String.format(Locale.ROOT, "  %-22s %s%n", name + dots(name), describe(a, s.seconds(), stats)));
        }
        for (Map.Entry<String, Aggregate> e : s.metrics().entrySet()) {
            if (MAIN.contains(e.getKey()) || e.getKey().startsWith("http_req_") || GeneratorSection.owns(e.getKey())) continue;
            b.append(String.format(Locale.ROOT, "  %-22s %s%n", e.getKey() + dots(e.getKey()), describe(e.getValue(), s.seconds(), stats)));
        }
    }

    private static String dots(String name) {
        return ".".repeat(Math.max(1, 21 - name.length()));
    }

    static String describe(Aggregate a, double seconds) {
        return describe(a, seconds, TrendStats.DEFAULT);
    }

    static String describe(Aggregate a, double seconds, TrendStats stats) {
        MetricType type = a.metric().type();
        boolean bytes = a.metric().name().startsWith("data_");
        return switch (type) {
            case COUNTER -> bytes
                    ? bytes(a.sum()) + "  " + bytes(a.sum() / seconds) + "/s"
                    : num(a.sum()) + "  " + num(a.sum() / seconds) + "/s";
            case GAUGE -> num(a.last()) + "  min=" + num(a.min()) + " max=" + num(a.max())
                    + (a.history().size() < 2 ? "" : " first=" + num(a.first()));
            case RATE -> String.format(Locale.ROOT, "%.2f%%  %d of %d", 100 * a.rate(), a.passes(), a.count());
            case TREND -> {
                String u = a.metric().time() ? "ms" : "";
                StringBuilder t = new StringBuilder();
                for (TrendStats.Stat st : stats.stats()) {
                    if (!t.isEmpty()) t.append(' ');
                    t.append(st.label()).append('=').append(num(st.value().applyAsDouble(a))).append("count".equals(st.label()) ? "" : u);
                }
                yield t.toString();
            }
        };
    }

    private static String clip(String s, int w) {
        return s.length() <= w ? s : "…" + s.substring(s.length() - w + 1);
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.2f", v);
    }

    static String bytes(double v) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int i = 0;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, i == 0 ? "%.0f %s" : "%.1f %s", v, units[i]);
    }
}
