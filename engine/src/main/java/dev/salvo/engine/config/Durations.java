package dev.salvo.engine.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses k6/Go style durations: {@code 30s}, {@code 1m30s}, {@code 1h}, {@code 250ms}, a bare number
 * of seconds. Anything longer than {@link #MAX} is {@code MAX}: "forever", with room for the sums a
 * schedule makes ({@code duration + gracefulStop}, start times) in nanoseconds.
 */
public final class Durations {
    /** 100 years: longer is forever, as far as a run is concerned. */
    public static final Duration MAX = Duration.ofDays(36_525);
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|s|m|h|d)");

    private Durations() {}

    /** @throws IllegalArgumentException with a message that shows the expected form */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.matches("\\d+(\\.\\d+)?")) return capped(Double.parseDouble(s) * 1e9);
        Matcher m = PART.matcher(s);
        double nanos = 0;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 86400e9;
            };
            at = m.end();
        }
        if (s.isEmpty() || at != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 30s, 1m30s, 2h, 500ms)");
        }
        return capped(nanos);
    }

    /** A number of milliseconds, as k6 takes a duration given as a number. */
    public static Duration ofMillis(double millis) {
        return capped(millis * 1e6);
    }

    private static Duration capped(double nanos) {
        return nanos >= MAX.toNanos() ? MAX : Duration.ofNanos((long) nanos);
    }

    /** {@code 1m30s}, {@code 250ms}, {@code 0s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000 && ms > 0) return ms + "ms";
        long s = d.toSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 3600) b.append(s / 3600).append('h');
        if (s % 3600 >= 60) b.append(s % 3600 / 60).append('m');
        if (s % 60 != 0 || b.isEmpty()) b.append(s % 60).append('s');
        return b.toString();
    }
}
