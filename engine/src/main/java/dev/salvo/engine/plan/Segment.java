package dev.salvo.engine.plan;

/**
 * The {@code index}-th (0-based) of {@code count} equal slices of a test, as in {@code salvo run
 * --segment 0/3}. Integers are split without rounding loss: slice {@code i} of {@code total} is
 * {@code ceil(total*(i+1)/count) - ceil(total*i/count)}, so the slices add up to the whole and the
 * earlier slices take the remainder (10 over 3 is 4+3+3). Rates are split proportionally.
 * 0-based so that a Kubernetes Indexed Job can pass {@code $JOB_COMPLETION_INDEX} as it is.
 */
public record Segment(int index, int count) {
    /** The whole test: one slice. */
    public static final Segment WHOLE = new Segment(0, 1);

    public Segment {
        if (count < 1) throw new IllegalArgumentException("the number of segments must be at least 1, not " + count);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the index must be 0 to " + (count - 1) + " (0-based) for " + count
                    + " segments, not " + index);
        }
    }

    /** Parses {@code I/N}; the message of the exception says what is wrong. */
    public static Segment parse(String text) {
        String s = text == null ? "" : text.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})/(\\d{1,9})").matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("must be I/N with 0 <= I < N (0-based, e.g. 0/3), not '" + text + "'");
        return new Segment(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The sum of the slices before this one: {@code ceil(total*index/count)}. */
    public long before(long total) {
        return ceilDiv(total, index);
    }

    /** This slice of {@code total}. */
    public long share(long total) {
        return ceilDiv(total, index + 1) - ceilDiv(total, index);
    }

    public int share(int total) {
        return (int) share((long) total);
    }

    /** This slice of a rate: a proportional share. */
    public double share(double rate) {
        return rate / count;
    }

    public boolean whole() {
        return count == 1;
    }

    private long ceilDiv(long total, int slices) {
        // total * slices fits a long for the ranges options allow (int totals, int counts).
        return Math.ceilDiv(Math.multiplyExact(total, (long) slices), (long) count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
