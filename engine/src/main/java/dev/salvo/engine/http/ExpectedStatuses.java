package dev.salvo.engine.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The response statuses that count as expected, k6's {@code http.expectedStatuses(...)}: inclusive
 * ranges. A request whose status is outside them fails ({@code http_req_failed}, {@code expected_response:false});
 * a network failure (status 0) is never expected, except with {@link #ANY}.
 */
public final class ExpectedStatuses {
    /** k6's default: 200 to 399. */
    public static final ExpectedStatuses DEFAULT = new ExpectedStatuses(new int[] {200, 399}, false);
    /** Every request is expected, network failures included ({@code http.setResponseCallback(null)}). */
    public static final ExpectedStatuses ANY = new ExpectedStatuses(new int[0], true);

    /** Pairs of inclusive bounds: min, max, min, max... */
    private final int[] ranges;
    private final boolean any;

    private ExpectedStatuses(int[] ranges, boolean any) {
        this.ranges = ranges;
        this.any = any;
    }

    /**
     * The set of the inclusive ranges {@code [min, max, min, max...]} (a single status is {@code s, s}).
     * @throws IllegalArgumentException with {@link #problems} when a range is not valid
     */
    public static ExpectedStatuses of(int... ranges) {
        List<String> problems = problems(ranges);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new ExpectedStatuses(ranges.clone(), false);
    }

    /** What is wrong with each range of {@code ranges} (empty when it is valid), named by its 1-based position. */
    public static List<String> problems(int... ranges) {
        List<String> out = new ArrayList<>();
        if (ranges.length % 2 != 0) {
            out.add("ranges come as pairs of min and max, got " + ranges.length + " bounds");
            return out;
        }
        for (int i = 0; i < ranges.length; i += 2) {
            int min = ranges[i];
            int max = ranges[i + 1];
            String at = "argument " + (i / 2 + 1);
            if (min < 100 || min > 999 || max < 100 || max > 999) {
                out.add(at + ": a status code is between 100 and 999, not " + (min < 100 || min > 999 ? min : max));
            } else if (min > max) {
                out.add(at + ": min " + min + " is greater than max " + max);
            }
        }
        return out;
    }

    /** Whether a response with this status is expected; status 0 (no response) is not, except with {@link #ANY}. */
    public boolean expected(int status) {
        if (any) return true;
        for (int i = 0; i < ranges.length; i += 2) {
            if (status >= ranges[i] && status <= ranges[i + 1]) return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpectedStatuses e && e.any == any && Arrays.equals(e.ranges, ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges) * 31 + (any ? 1 : 0);
    }

    @Override
    public String toString() {
        if (any) return "ExpectedStatuses[any]";
        StringBuilder b = new StringBuilder("ExpectedStatuses[");
        for (int i = 0; i < ranges.length; i += 2) {
            if (i > 0) b.append(", ");
            b.append(ranges[i]);
            if (ranges[i + 1] != ranges[i]) b.append('-').append(ranges[i + 1]);
        }
        return b.append(']').toString();
    }
}
