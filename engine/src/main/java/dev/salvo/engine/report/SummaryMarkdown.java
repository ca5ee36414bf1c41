package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.thresholds.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code summary.md}: the verdict, thresholds, per-request table and checks as GitHub-flavoured
 * Markdown for {@code $GITHUB_STEP_SUMMARY} and pull-request comments; kept under {@value #LIMIT}
 * bytes (GitHub's step-summary limit is 1 MiB, a comment's 64 K characters) by cutting table rows.
 */
public final class SummaryMarkdown {
    public static final int LIMIT = 60_000;

    private SummaryMarkdown() {}

    public static String render(Summary s, RunEnd end, String script) {
        StringBuilder b = new StringBuilder();
        String mark = switch (end.verdict()) {
            case "PASSED" -> "✅ PASSED";
            case "FINISHED" -> "☑️ FINISHED — no thresholds declared";
            default -> "❌ " + end.verdict();
        };
        b.append("## salvo: ").append(mark).append(" (exit ").append(end.exitCode()).append(")\n\n");
        long iterations = s.metric("iterations") == null ? 0 : (long) s.metric("iterations").sum();
        b.append(String.format(Locale.ROOT, "`%s` ran %s (%s): %d iterations, %d requests.%s%n", cell(script),
                Durations.format(s.result().elapsed()), end.ended(), iterations,
                s.requests().stream().mapToLong(Summary.RequestRow::count).sum(),
                end.reason() == null ? "" : " " + cell(end.reason())));
        String generator = GeneratorSection.sentence(s);
        if (generator != null) b.append(generator).append('\n');
        if (!s.thresholds().isEmpty()) {
            b.append("\n### Thresholds\n\n| | Metric | Condition | Observed |\n|---|---|---|---|\n");
            for (Verdict v : s.thresholds()) {
                b.append("| ").append(v.passed() ? "✅" : "❌").append(" | `").append(cell(v.threshold().selector().text()))
                        .append("` | `").append(cell(v.threshold().condition().text().strip())).append("` | ")
                        .append(Double.isNaN(v.observed()) ? "no data" : Human.num(v.observed())).append(" |\n");
            }
        }
        if (!s.result().iterationErrors().isEmpty()) {
            b.append("\n### Iteration errors\n\n| Count | Error |\n|--:|---|\n");
            s.result().iterationErrors().entrySet().stream().limit(20)
                    .forEach(e -> b.append("| ").append(e.getValue()).append(" | `").append(cell(e.getKey())).append("` |\n"));
        }
        int cut = 0;
        if (!s.requests().isEmpty()) {
            b.append("\n### Requests\n\n| Name | Method | Requests | Failures | req/s | avg ms | p50 | p90 | p95 | p99 | max |\n")
                    .append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Summary.RequestRow r : s.requests()) {
                if (b.length() > LIMIT - 8_000) {
                    cut++;
                    continue;
                }
                Aggregate d = r.duration();
                b.append("| ").append(cell(r.name())).append(" | ").append(r.method()).append(" | ").append(r.count())
                        .append(" | ").append(r.failures()).append(" | ").append(Human.num(round(r.count() / s.seconds())))
                        .append(" | ").append(Human.ms(d.avg())).append(" | ").append(Human.ms(d.percentile(50)))
                        .append(" | ").append(Human.ms(d.percentile(90))).append(" | ").append(Human.ms(d.percentile(95)))
                        .append(" | ").append(Human.ms(d.percentile(99))).append(" | ").append(Human.ms(d.max())).append(" |\n");
            }
            if (cut > 0) b.append("\n_").append(cut).append(" more request rows left out to stay under 64 KB; see stats.csv._\n");
        }
        if (!s.checks().isEmpty()) {
            b.append("\n### Checks\n\n| | Group | Check | Passed | Failed |\n|---|---|---|--:|--:|\n");
            int left = 0;
            for (Summary.CheckRow c : s.checks()) {
                if (b.length() > LIMIT - 2_000) {
                    left++;
                    continue;
                }
                b.append("| ").append(c.fails() == 0 ? "✅" : "❌").append(" | ").append(cell(c.group())).append(" | ")
                        .append(cell(c.name())).append(" | ").append(c.passes()).append(" | ").append(c.fails()).append(" |\n");
            }
            if (left > 0) b.append("\n_").append(left).append(" more checks left out; see summary.json._\n");
        }
        String md = b.toString();
        while (md.getBytes(StandardCharsets.UTF_8).length > LIMIT) md = md.substring(0, md.length() * 9 / 10);
        return md;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Table cells: pipes escaped, no line breaks, long text cut. */
    static String cell(String s) {
        if (s == null) return "";
        String t = s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").replace("`", "'");
        return t.length() > 200 ? t.substring(0, 199) + "…" : t;
    }
}
