package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which numbers the console shows for trends, k6's {@code --summary-trend-stats}:
 * {@code avg, min, med, max, count, p(N)}. {@code custom} is false for the built-in choice, in
 * which the request table keeps its usual AVG P50 P90 P95 P99 MAX columns.
 */
public record TrendStats(List<Stat> stats, boolean custom) {
    /** One column: its label ({@code p(95)}) and how to read it from an aggregate. */
    public record Stat(String label, ToDoubleFunction<Aggregate> value) {}

    private static final Pattern PERCENTILE = Pattern.compile("p\\((\\d+(?:\\.\\d+)?)\\)");
    public static final TrendStats DEFAULT = new TrendStats(parseOrThrow("avg,min,med,max,p(90),p(95),p(99)"), false);
    static final List<Stat> TABLE = parseOrThrow("avg,p(50),p(90),p(95),p(99),max");

    /** The stats of a comma-separated list; every unknown entry is an error. */
    public static TrendStats parse(String text) {
        return new TrendStats(parseOrThrow(text), true);
    }

    private static List<Stat> parseOrThrow(String text) {
        List<Stat> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String raw : text.split(",")) {
            String s = raw.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) continue;
            switch (s) {
                case "avg" -> out.add(new Stat(s, Aggregate::avg));
                case "min" -> out.add(new Stat(s, Aggregate::min));
                case "max" -> out.add(new Stat(s, Aggregate::max));
                case "med" -> out.add(new Stat(s, Aggregate::med));
                case "count" -> out.add(new Stat(s, a -> a.count()));
                default -> {
                    Matcher m = PERCENTILE.matcher(s);
                    double p = m.matches() ? Double.parseDouble(m.group(1)) : -1;
                    if (p >= 0 && p <= 100) out.add(new Stat(s, a -> a.percentile(p)));
                    else bad.add(raw.strip());
                }
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("unknown trend stat " + String.join(", ", bad) + ": use avg, min, med, max, count or p(N) with N in 0..100");
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no trend stats given: use e.g. avg,p(95),p(99)");
        return List.copyOf(out);
    }

    /** The request table's columns. */
    public List<Stat> table() {
        return custom ? stats : TABLE;
    }
}
