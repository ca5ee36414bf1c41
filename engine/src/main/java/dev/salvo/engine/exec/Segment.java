package dev.salvo.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code index}-th (0-based) of {@code count} slices of a test, as in {@code salvo run
 * --segment 0/3}. Slice {@code i} covers {@code cuts[i]/denominator .. cuts[i+1]/denominator} of the
 * whole: equal slices by default, unequal ones from {@code --segment-sequence 0,1/4,1/2,1}.
 * Integers are split without rounding loss: slice {@code i} of {@code total} is
 * {@code ceil(total*cuts[i+1]/d) - ceil(total*cuts[i]/d)}, so the slices add up to the whole and the
 * earlier slices take the remainder (10 over 3 is 4+3+3). Rates are split proportionally.
 * 0-based so that a Kubernetes Indexed Job can pass {@code $JOB_COMPLETION_INDEX} as it is.
 */
public record Segment(int index, int count, List<Long> cuts, long denominator) {
    /** The whole test: one slice. */
    public static final Segment WHOLE = new Segment(0, 1);
    private static final Pattern FRACTION = Pattern.compile("(\\d{1,6})(?:/(\\d{1,6}))?");

    public Segment {
        if (count < 1) throw new IllegalArgumentException("the number of segments must be at least 1, not " + count);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the index must be 0 to " + (count - 1) + " (0-based) for " + count
                    + " segments, not " + index);
        }
        cuts = List.copyOf(cuts);
        if (cuts.size() != count + 1 || cuts.get(0) != 0 || cuts.get(count) != denominator) {
            throw new IllegalArgumentException("a sequence of " + count + " segments must have " + (count + 1) + " points from 0 to 1");
        }
    }

    /** Slice {@code index} of {@code count} equal slices. */
    public Segment(int index, int count) {
        this(index, count, equalCuts(count), Math.max(1, count));
    }

    private static List<Long> equalCuts(int count) {
        List<Long> cuts = new ArrayList<>();
        for (long i = 0; i <= Math.max(1, count); i++) cuts.add(i);
        return count < 1 ? List.of(0L, 1L) : cuts;
    }

    /** Parses {@code I/N}; the message of the exception says what is wrong. */
    public static Segment parse(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = Pattern.compile("(\\d{1,9})/(\\d{1,9})").matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("must be I/N with 0 <= I < N (0-based, e.g. 0/3), not '" + text + "'");
        return new Segment(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Slice {@code index} of a sequence such as {@code 0,1/4,1/2,1} (k6's execution segment
     * sequence): fractions from 0 to 1, increasing; N points make N-1 slices.
     */
    public static Segment ofSequence(int index, String sequence) {
        String[] parts = sequence.strip().split("\\s*,\\s*");
        List<long[]> points = new ArrayList<>();
        long denominator = 1;
        for (String p : parts) {
            Matcher m = FRACTION.matcher(p);
            if (!m.matches()) throw new IllegalArgumentException("must be fractions from 0 to 1 such as 0,1/4,1/2,1; '" + p + "' is not one");
            long n = Long.parseLong(m.group(1)), d = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
            if (d == 0) throw new IllegalArgumentException("'" + p + "' divides by 0");
            points.add(new long[] {n, d});
            denominator = lcm(denominator, d);
            if (denominator > 1_000_000_000L) throw new IllegalArgumentException("has too fine fractions (common denominator over 10^9)");
        }
        List<Long> cuts = new ArrayList<>();
        for (long[] p : points) cuts.add(p[0] * (denominator / p[1]));
        if (cuts.size() < 2 || cuts.get(0) != 0 || cuts.get(cuts.size() - 1) != denominator) {
            throw new IllegalArgumentException("must start at 0 and end at 1 (e.g. 0,1/4,1/2,1), not '" + sequence + "'");
        }
        for (int i = 1; i < cuts.size(); i++) {
            if (cuts.get(i) <= cuts.get(i - 1)) throw new IllegalArgumentException("must increase: '" + parts[i] + "' after '" + parts[i - 1] + "'");
        }
        long g = 0;
        for (long c : cuts) g = gcd(g, c);
        final long div = Math.max(1, g);
        return new Segment(index, cuts.size() - 1, cuts.stream().map(c -> c / div).toList(), denominator / div);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    /** Slice {@code i} of the same sequence. */
    public Segment at(int i) {
        return new Segment(i, count, cuts, denominator);
    }

    /** True for equal slices (no {@code --segment-sequence}, or one that cuts equally). */
    public boolean equal() {
        for (int i = 0; i <= count; i++) if (cuts.get(i) * count != (long) i * denominator) return false;
        return true;
    }

    /** The sum of the slices before this one: {@code ceil(total*cuts[index]/d)}. */
    public long before(long total) {
        return ceilAt(total, index);
    }

    /** This slice of {@code total}. */
    public long share(long total) {
        return ceilAt(total, index + 1) - ceilAt(total, index);
    }

    public int share(int total) {
        return (int) share((long) total);
    }

    /** This slice of a rate: a proportional share. */
    public double share(double rate) {
        return rate * (cuts.get(index + 1) - cuts.get(index)) / denominator;
    }

    public boolean whole() {
        return count == 1;
    }

    private long ceilAt(long total, int cut) {
        return Math.ceilDiv(Math.multiplyExact(total, cuts.get(cut)), denominator);
    }

    /** The sequence as {@code 0,1/4,1/2,1} (fractions in lowest terms). */
    public String sequence() {
        List<String> out = new ArrayList<>();
        for (long c : cuts) {
            long g = gcd(c, denominator);
            out.add(c == 0 ? "0" : c == denominator ? "1" : c / g + "/" + denominator / g);
        }
        return String.join(",", out);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
