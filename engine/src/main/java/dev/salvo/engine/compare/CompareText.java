package dev.salvo.engine.compare;
import java.util.Locale;


/** The console table: one block per request, one line per measure, then added/removed requests and the verdict. */
public final class CompareText {
    private CompareText() {}

    public static String render(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n  comparison  baseline ").append(c.baseline()).append("  →  current ").append(c.current())
                .append("  (limit ").append(Format.percent(c.options().maxRegression())).append(")\n");
        for (RequestComparison r : c.requests()) {
            sb.append("\n  ").append(r.label()).append("  (").append(r.baselineCount()).append(" → ").append(r.currentCount())
                    .append(" requests").append(r.smallSample() ? ", fewer than " + c.options().minSamples() + ": not gated" : "").append(")\n");
            for (MetricChange m : r.changes()) {
                sb.append(String.format(Locale.ROOT, "    %-11s %12s → %-12s %9s  %s%n", m.measure().label,
                        Format.value(m.measure(), m.baseline()), Format.value(m.measure(), m.current()), Format.change(m),
                        Format.mark(m, r.smallSample())).stripTrailing()).append('\n');
            }
        }
        if (!c.added().isEmpty()) sb.append("\n  only in current:  ").append(String.join(", ", c.added())).append('\n');
        if (!c.removed().isEmpty()) sb.append("\n  only in baseline: ").append(String.join(", ", c.removed())).append('\n');
        sb.append("\n  ").append(c.failed() ? "✗ " : "✓ ").append(c.verdict()).append('\n');
        return sb.toString();
    }
}
