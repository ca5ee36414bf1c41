package dev.salvo.engine.compare;

import java.util.Locale;

/** Number formats shared by the comparison writers. */
final class Format {
    private Format() {}

    static String percent(double fraction) {
        return trim(String.format(Locale.ROOT, "%.1f", fraction * 100)) + "%";
    }

    static String change(MetricChange c) {
        if (Double.isNaN(c.change())) return "new";
        return (c.change() >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f%%", c.change() * 100);
    }

    static String value(MetricChange.Measure m, double v) {
        return switch (m) {
            case ERROR_RATE -> trim(String.format(Locale.ROOT, "%.2f", v * 100)) + "%";
            case THROUGHPUT -> String.format(Locale.ROOT, "%.1f/s", v);
            default -> (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v)) + " ms";
        };
    }

    static String mark(MetricChange c, boolean smallSample) {
        return switch (c.status()) {
            case REGRESSION -> smallSample ? "regression (few samples, not gated)" : "REGRESSION";
            case IMPROVEMENT -> "improved";
            case UNCHANGED -> "";
        };
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
