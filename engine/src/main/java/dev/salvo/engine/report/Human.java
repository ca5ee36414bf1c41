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
}
