package dev.salvo.engine.compare;

/**
 * How strict a comparison is. {@code maxRegression} is a fraction (0.2 = 20 %); a request with
 * fewer than {@code minSamples} requests in either run is reported but never fails the gate;
 * latency changes smaller than {@code minLatencyChangeMs} are noise (sub-millisecond latencies on
 * loopback easily move by 20 %), as are error-rate changes under {@code minErrorRateChange}.
 */
public record CompareOptions(double maxRegression, long minSamples, double minLatencyChangeMs, double minErrorRateChange) {
    public static final CompareOptions DEFAULTS = new CompareOptions(0.20, 100, 1.0, 0.001);

    public CompareOptions withMaxRegression(double fraction) {
        return new CompareOptions(fraction, minSamples, minLatencyChangeMs, minErrorRateChange);
    }

    public CompareOptions withMinSamples(long n) {
        return new CompareOptions(maxRegression, n, minLatencyChangeMs, minErrorRateChange);
    }

    /**
     * Parses a limit as written on the command line: {@code 20%} or {@code 20} (percent) or {@code 0.2}
     * is not accepted as 0.2 % silently: a bare number is always percent.
     */
    public static double parsePercent(String text) {
        String t = text.strip();
        if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a percentage: '" + text + "' (e.g. 20%)");
        }
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("a percentage must be >= 0, not '" + text + "'");
        return v / 100.0;
    }
}
