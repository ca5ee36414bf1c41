package dev.salvo.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The samples of one metric with one tag set. Writers call {@link #add} from any thread without
 * locks; trends go into an HdrHistogram {@link Recorder} whose intervals one sampler thread drains.
 */
public abstract sealed class Series permits Series.Counter, Series.Gauge, Series.Rate, Series.Trend {
    /** Trend values are kept as longs of value x 1000: microseconds for times in milliseconds. */
    public static final double SCALE = 1000.0;

    private final Metric metric;
    private final Tags tags;

    Series(Metric metric, Tags tags) {
        this.metric = metric;
        this.tags = tags;
    }

    static Series create(Metric metric, Tags tags) {
        return switch (metric.type()) {
            case COUNTER -> new Counter(metric, tags);
            case GAUGE -> new Gauge(metric, tags);
            case RATE -> new Rate(metric, tags);
            case TREND -> new Trend(metric, tags);
        };
    }

    public Metric metric() {
        return metric;
    }

    public Tags tags() {
        return tags;
    }

    public abstract void add(double value);

    /** Called by the sampler thread only: moves what was recorded since the last call into the totals. */
    void sample() {}

    /** The totals so far; call {@link #sample()} first for trends. */
    abstract Aggregate aggregate();

    static final class Counter extends Series {
        private final DoubleAdder sum = new DoubleAdder();
        private final LongAdder count = new LongAdder();

        Counter(Metric metric, Tags tags) {
            super(metric, tags);
        }

        @Override
        public void add(double value) {
            sum.add(value);
            count.increment();
        }

        @Override
        Aggregate aggregate() {
            double s = sum.sum();
            return new Aggregate(metric(), tags(), count.sum(), s, 0, 0, s, 0, null);
        }
    }

    static final class Gauge extends Series {
        private double last = Double.NaN;
        private double min = Double.NaN;
        private double max = Double.NaN;
        private long count;

        Gauge(Metric metric, Tags tags) {
            super(metric, tags);
        }

        @Override
        public synchronized void add(double value) {
            last = value;
            min = count == 0 ? value : Math.min(min, value);
            max = count == 0 ? value : Math.max(max, value);
            count++;
        }

        @Override
        synchronized Aggregate aggregate() {
            return new Aggregate(metric(), tags(), count, last, min, max, last, 0, null);
        }
    }

    static final class Rate extends Series {
        private final LongAdder passes = new LongAdder();
        private final LongAdder count = new LongAdder();

        Rate(Metric metric, Tags tags) {
            super(metric, tags);
        }

        @Override
        public void add(double value) {
            if (value != 0) passes.increment();
            count.increment();
        }

        @Override
        Aggregate aggregate() {
            long p = passes.sum();
            return new Aggregate(metric(), tags(), count.sum(), p, 0, 1, 0, p, null);
        }
    }

    static final class Trend extends Series {
        private final Recorder recorder = new Recorder(3);
        private final Histogram total = new Histogram(3);
        private final DoubleAdder sum = new DoubleAdder();
        // The histogram's min and max are bucket edges (10 reads back as 10.007): keep the exact ones.
        private final DoubleAccumulator min = new DoubleAccumulator(Math::min, Double.POSITIVE_INFINITY);
        private final DoubleAccumulator max = new DoubleAccumulator(Math::max, Double.NEGATIVE_INFINITY);
        private final LongAdder clamped = new LongAdder();
        private Histogram interval;

        Trend(Metric metric, Tags tags) {
            super(metric, tags);
        }

        @Override
        public void add(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                clamped.increment(); // HdrHistogram takes non-negative finite values only
                value = value > 0 ? Long.MAX_VALUE / SCALE / 4 : 0;
            }
            recorder.recordValue((long) (value * SCALE));
            sum.add(value);
            min.accumulate(value);
            max.accumulate(value);
        }

        @Override
        synchronized void sample() {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
        }

        /** The histogram of everything recorded so far (values x {@link #SCALE}). */
        synchronized Histogram totalCopy() {
            return total.copy();
        }

        long clamped() {
            return clamped.sum();
        }

        @Override
        synchronized Aggregate aggregate() {
            Histogram h = total.copy();
            long n = h.getTotalCount();
            return new Aggregate(metric(), tags(), n, sum.sum(), n == 0 ? 0 : min.get(), n == 0 ? 0 : max.get(), 0, 0, h);
        }
    }
}
