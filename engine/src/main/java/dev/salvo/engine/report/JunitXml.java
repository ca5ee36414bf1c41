package dev.salvo.engine.report;

import dev.salvo.engine.thresholds.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * {@code junit.xml}: testsuite {@code thresholds} with one testcase per threshold and testsuite
 * {@code checks} with one per check; a failure's message carries the observed value.
 */
public final class JunitXml {
    private JunitXml() {}

    public static void write(Summary s, RunEnd end, Writer out) throws IOException {
        long thresholdFailures = s.thresholds().stream().filter(v -> !v.passed()).count();
        long checkFailures = s.checks().stream().filter(c -> c.fails() > 0).count();
        String time = String.format(Locale.ROOT, "%.3f", s.seconds());
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"salvo\" tests=\"" + (s.thresholds().size() + s.checks().size()) + "\" failures=\""
                + (thresholdFailures + checkFailures) + "\" time=\"" + time + "\">\n");
        out.write("  <testsuite name=\"thresholds\" tests=\"" + s.thresholds().size() + "\" failures=\"" + thresholdFailures
                + "\" errors=\"0\" time=\"" + time + "\" timestamp=\"" + s.result().start() + "\">\n");
        out.write("    <properties>\n");
        out.write("      <property name=\"exitCode\" value=\"" + end.exitCode() + "\"/>\n");
        out.write("      <property name=\"ended\" value=\"" + esc(end.ended()) + "\"/>\n");
        long iterationErrors = s.result().iterationErrors().values().stream().mapToLong(Long::longValue).sum();
        out.write("      <property name=\"verdict\" value=\"" + esc(end.verdict()) + "\"/>\n");
        out.write("      <property name=\"iterationErrors\" value=\"" + iterationErrors + "\"/>\n");
        out.write("    </properties>\n");
        for (Verdict v : s.thresholds()) {
            out.write("    <testcase classname=\"thresholds." + esc(v.threshold().selector().metric()) + "\" name=\""
                    + esc(v.threshold().label()) + "\" time=\"0\"");
            String observed = Double.isNaN(v.observed()) ? "no data"
                    : v.threshold().condition().aggregationLabel() + "=" + Human.num(v.observed());
            if (v.passed()) {
                out.write(">\n      <system-out>" + esc("observed " + observed) + "</system-out>\n    </testcase>\n");
            } else {
                out.write(">\n      <failure type=\"threshold\" message=\"" + esc("observed " + observed) + "\">"
                        + esc(v.describe()) + "</failure>\n    </testcase>\n");
            }
        }
        if (iterationErrors > 0) {
            StringBuilder errors = new StringBuilder();
            s.result().iterationErrors().forEach((m, n) -> errors.append(n).append(" × ").append(m).append('\n'));
            out.write("    <system-err>" + esc(errors.toString()) + "</system-err>\n");
        }
        out.write("  </testsuite>\n");
        out.write("  <testsuite name=\"checks\" tests=\"" + s.checks().size() + "\" failures=\"" + checkFailures
                + "\" errors=\"0\" time=\"" + time + "\">\n");
        for (Summary.CheckRow c : s.checks()) {
            long total = c.passes() + c.fails();
            String observed = String.format(Locale.ROOT, "%d passed, %d failed (%.2f%% passed)", c.passes(), c.fails(),
                    total == 0 ? 0 : 100.0 * c.passes() / total);
            out.write("    <testcase classname=\"checks" + (c.group().isEmpty() ? "" : "." + esc(c.group())) + "\" name=\""
                    + esc(c.name()) + "\" time=\"0\">\n");
            if (c.fails() > 0) {
                out.write("      <failure type=\"check\" message=\"" + esc(observed) + "\">" + esc(observed) + "</failure>\n");
            } else {
                out.write("      <system-out>" + esc(observed) + "</system-out>\n");
            }
            out.write("    </testcase>\n");
        }
        out.write("  </testsuite>\n</testsuites>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') b.append(' '); // not allowed in XML 1.0
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
