package dev.salvo.engine.compare;
import java.util.List;


/** The comparison as GitHub-flavoured Markdown, for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}. */
public final class CompareMarkdown {
    private CompareMarkdown() {}

    public static String render(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("### salvo compare: ").append(c.failed() ? "❌ " : "✅ ").append(c.verdict()).append("\n\n");
        sb.append("Baseline `").append(c.baseline()).append("` → current `").append(c.current()).append("`; a change worse than ")
                .append(Format.percent(c.options().maxRegression())).append(" is a regression.\n\n");
        sb.append("| Request | Measure | Baseline | Current | Change | |\n|---|---|---|---|---|---|\n");
        for (RequestComparison r : c.requests()) {
            for (MetricChange m : r.changes()) {
                String mark = switch (m.status()) {
                    case REGRESSION -> r.smallSample() ? "⚠️ regression (few samples)" : "❌ regression";
                    case IMPROVEMENT -> "✅ improved";
                    case UNCHANGED -> "";
                };
                sb.append("| ").append(cell(r.label())).append(" | ").append(m.measure().label).append(" | ")
                        .append(Format.value(m.measure(), m.baseline())).append(" | ").append(Format.value(m.measure(), m.current()))
                        .append(" | ").append(Format.change(m)).append(" | ").append(mark).append(" |\n");
            }
        }
        if (!c.added().isEmpty()) sb.append("\nOnly in current: ").append(list(c.added())).append('\n');
        if (!c.removed().isEmpty()) sb.append("\nOnly in baseline: ").append(list(c.removed())).append('\n');
        long small = c.requests().stream().filter(RequestComparison::smallSample).count();
        if (small > 0) sb.append("\n").append(small).append(" request(s) with fewer than ").append(c.options().minSamples())
                .append(" samples are shown but do not fail the gate.\n");
        return sb.toString();
    }

    private static String list(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
