package dev.salvo.engine.thresholds;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats numbers for people: no trailing zeros, six significant digits. */
final class Numbers {
    private Numbers() {}

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
