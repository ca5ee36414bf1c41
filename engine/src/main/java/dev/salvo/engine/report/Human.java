package dev.salvo.engine.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers for people, as the threshold verdicts print them: six significant digits, no trailing zeros. */
final class Human {
    private Human() {}

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Milliseconds with two decimals, as the console's request table shows them. */
    static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** "1 iteration", "2 iterations". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A run's length: "3.9s" under a minute, else as durations print ("1m30s", rounded to the second). */
    static String seconds(double s) {
        if (s < 59.95) return String.format(Locale.ROOT, "%.1fs", s);
        return dev.salvo.engine.config.Durations.format(java.time.Duration.ofSeconds(Math.round(s)));
    }
}
