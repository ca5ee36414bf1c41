package dev.salvo.engine.metrics;

import java.util.Arrays;

/**
 * A gauge's values over time, one point per sampler period at most (the last value set in it),
 * for {@code growth} and {@code slope}. Memory is bounded: past {@value #MAX_POINTS} points,
 * neighbouring pairs are averaged into one, so a long run keeps a coarser but complete picture.
 * An instance is filled by one writer; {@link #snapshot()} gives an immutable copy.
 */
public final class GaugeHistory {
    static final int MAX_POINTS = 4096;
    public static final GaugeHistory EMPTY = new GaugeHistory(new double[0], new double[0], 0);

    private double[] millis;
    private double[] values;
    private int size;

    GaugeHistory() {
        this(new double[64], new double[64], 0);
    }

    private GaugeHistory(double[] millis, double[] values, int size) {
        this.millis = millis;
        this.values = values;
        this.size = size;
    }

    /** A history of these points (epoch ms and values, in time order), e.g. read back from a report. */
    public static GaugeHistory of(double[] epochMillis, double[] values) {
        if (epochMillis.length != values.length) throw new IllegalArgumentException("as many times as values");
        return new GaugeHistory(epochMillis.clone(), values.clone(), values.length);
    }

    void add(long epochMillis, double value) {
        if (size == MAX_POINTS) halve();
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, Math.min(MAX_POINTS, size * 2));
            values = Arrays.copyOf(values, millis.length);
        }
        millis[size] = epochMillis;
        values[size++] = value;
    }

    private void halve() {
        int n = size / 2;
        for (int i = 0; i < n; i++) {
            millis[i] = (millis[2 * i] + millis[2 * i + 1]) / 2;
            values[i] = (values[2 * i] + values[2 * i + 1]) / 2;
        }
        if (size % 2 == 1) {
            millis[n] = millis[size - 1];
            values[n++] = values[size - 1];
        }
        size = n;
    }

    GaugeHistory snapshot() {
        return new GaugeHistory(Arrays.copyOf(millis, size), Arrays.copyOf(values, size), size);
    }

    /** Both histories' points in time order: several series of one gauge read as one. */
    public GaugeHistory merge(GaugeHistory o) {
        if (o.size == 0) return this;
        if (size == 0) return o;
        Integer[] order = new Integer[size + o.size];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(timeAt(a, o), timeAt(b, o)));
        double[] t = new double[order.length];
        double[] v = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            int k = order[i];
            t[i] = timeAt(k, o);
            v[i] = k < size ? values[k] : o.values[k - size];
        }
        return new GaugeHistory(t, v, t.length);
    }

    private double timeAt(int k, GaugeHistory o) {
        return k < size ? millis[k] : o.millis[k - size];
    }

    public int size() {
        return size;
    }

    public double first() {
        return size == 0 ? Double.NaN : values[0];
    }

    public double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    /**
     * The last value against the reference in %: the first value, or with a {@code baselineMillis}
     * above 0 the average of the points within that long after the first. NaN without two points;
     * infinite when the reference is 0 and the last value is not.
     */
    public double growth(long baselineMillis) {
        if (size < 2) return Double.NaN;
        double sum = 0;
        int n = 0;
        for (int i = 0; i < size && (n == 0 || millis[i] - millis[0] <= baselineMillis); i++) {
            sum += values[i];
            n++;
        }
        double reference = sum / n;
        double last = last();
        if (reference == 0) return last == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, last);
        return 100 * (last - reference) / Math.abs(reference);
    }

    /** The least-squares slope of the value per minute; NaN without two points at different times. */
    public double slopePerMinute() {
        if (size < 2) return Double.NaN;
        double mt = 0;
        double mv = 0;
        for (int i = 0; i < size; i++) {
            mt += millis[i] / 60_000.0;
            mv += values[i];
        }
        mt /= size;
        mv /= size;
        double cov = 0;
        double var = 0;
        for (int i = 0; i < size; i++) {
            double dt = millis[i] / 60_000.0 - mt;
            cov += dt * (values[i] - mv);
            var += dt * dt;
        }
        return var == 0 ? Double.NaN : cov / var;
    }
}
