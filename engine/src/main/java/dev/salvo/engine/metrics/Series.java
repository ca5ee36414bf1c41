package dev.salvo.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The samples of one metric with one tag set. Writers call {@link #add} from any thread without
 * locks; trends go into HdrHistogram recorders whose intervals one sampler thread drains.
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

    /**
     * Called by the sampler thread only: what was recorded since the previous call (deltas for
     * counters and rates, the interval histogram for trends, the last value for gauges). A trend's
     * histogram stays valid until the next call, so listeners read it during their callback.
     */
    abstract Aggregate takeInterval();

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
            return Aggregate.counter(metric(), tags(), count.sum(), s);
        }

        private double lastSum;
        private long lastCount;

        @Override
        Aggregate takeInterval() {
            double s = sum.sum();
            long c = count.sum();
            Aggregate a = Aggregate.counter(metric(), tags(), c - lastCount, s - lastSum);
            lastSum = s;
            lastCount = c;
            return a;
        }
    }

    static final class Gauge extends Series {
        private double last = Double.NaN;
        private double min = Double.NaN;
        private double max = Double.NaN;
        private long count;
        private long lastMillis;
        private long pointCount;
        private final GaugeHistory history = new GaugeHistory();

        Gauge(Metric metric, Tags tags) {
            super(metric, tags);
        }

        @Override
        public synchronized void add(double value) {
            last = value;
            min = count == 0 ? value : Math.min(min, value);
            max = count == 0 ? value : Math.max(max, value);
            count++;
            lastMillis = System.currentTimeMillis();
        }

        /** Keeps the last value of the period as one point of the history, if anything was set. */
        @Override
        synchronized void sample() {
            if (count == pointCount) return;
            pointCount = count;
            history.add(lastMillis, last);
        }

        @Override
        synchronized Aggregate aggregate() {
            return Aggregate.gauge(metric(), tags(), count, last, min, max, history.snapshot());
        }

        private long takenCount;

        @Override
        synchronized Aggregate takeInterval() {
            sample();
            long n = count - takenCount;
            takenCount = count;
            return Aggregate.gauge(metric(), tags(), n, last, last, last, GaugeHistory.EMPTY);
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
            return Aggregate.rate(metric(), tags(), count.sum(), p);
        }

        private long lastPasses;
        private long lastCount;

        @Override
        Aggregate takeInterval() {
            long p = passes.sum();
            long c = count.sum();
            Aggregate a = Aggregate.rate(metric(), tags(), c - lastCount, p - lastPasses);
            lastPasses = p;
            lastCount = c;
            return a;
        }
    }

    /**
     * Trends record into one HdrHistogram {@link SingleWriterRecorder} per writing thread (the
     * workers, mostly), found by a scan of a tiny array: no two threads write the same counters,
     * so recording takes no shared lock and bounces no cache line between cores.
     */
    static final class Trend extends Series {
        private volatile Writer[] writers = new Writer[0];
        private final Histogram total = new Histogram(3);
        private final DoubleAdder sum = new DoubleAdder();
        // The histogram's min and max are bucket edges (10 reads back as 10.007): keep the exact ones,
        // since the last sample (the writers' accumulators), per interval and in total, so that every
        // output built from intervals shows the same max as the totals.
        private final DoubleAccumulator min = new DoubleAccumulator(Math::min, Double.POSITIVE_INFINITY);
        private final DoubleAccumulator max = new DoubleAccumulator(Math::max, Double.NEGATIVE_INFINITY);
        private double pendingMin = Double.POSITIVE_INFINITY;
        private double pendingMax = Double.NEGATIVE_INFINITY;
        private double totalMin = Double.POSITIVE_INFINITY;
        private double totalMax = Double.NEGATIVE_INFINITY;
        private final LongAdder clamped = new LongAdder();
        /** What was drained since the last takeInterval, and the one handed out last time (swapped, never reallocated). */
        private Histogram pending = new Histogram(3);
        private Histogram taken = new Histogram(3);
        private double takenSum;

        /** A writing thread's recorder, and the interval histogram the sampler recycles with it. */
        private static final class Writer {
            final Thread thread;
            final SingleWriterRecorder recorder = new SingleWriterRecorder(3);
            Histogram interval;

            Writer(Thread thread) {
                this.thread = thread;
            }
        }

        Trend(Metric metric, Tags tags) {
            super(metric, tags);
        }

        private SingleWriterRecorder recorder() {
            Thread me = Thread.currentThread();
            for (Writer w : writers) if (w.thread == me) return w.recorder;
            return addWriter(me);
        }

        private synchronized SingleWriterRecorder addWriter(Thread me) {
            for (Writer w : writers) if (w.thread == me) return w.recorder;
            Writer w = new Writer(me);
            Writer[] grown = Arrays.copyOf(writers, writers.length + 1);
            grown[grown.length - 1] = w;
            writers = grown;
            return w.recorder;
        }

        @Override
        public void add(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                clamped.increment(); // HdrHistogram takes non-negative finite values only
                value = value > 0 ? Long.MAX_VALUE / SCALE / 4 : 0;
            }
            recorder().recordValue((long) (value * SCALE));
            sum.add(value);
            min.accumulate(value);
            max.accumulate(value);
        }

        @Override
        synchronized void sample() {
            for (Writer w : writers) {
                w.interval = w.recorder.getIntervalHistogram(w.interval);
                total.add(w.interval);
                pending.add(w.interval);
            }
            double lo = min.getThenReset();
            double hi = max.getThenReset();
            pendingMin = Math.min(pendingMin, lo);
            pendingMax = Math.max(pendingMax, hi);
            totalMin = Math.min(totalMin, lo);
            totalMax = Math.max(totalMax, hi);
        }

        @Override
        synchronized Aggregate takeInterval() {
            sample();
            Histogram h = pending;
            pending = taken;
            pending.reset();
            taken = h;
            double s = sum.sum();
            long n = h.getTotalCount();
            // A value recorded while the sampler drained may sit in the next interval's histogram but
            // this interval's max: whichever interval it lands in, the totals hold it once.
            double min = n == 0 ? 0 : Math.min(pendingMin, h.getMinValue() / SCALE);
            double max = n == 0 ? 0 : Double.isInfinite(pendingMax) ? h.getMaxValue() / SCALE : pendingMax;
            Aggregate a = Aggregate.trend(metric(), tags(), n, s - takenSum, min, max, h);
            takenSum = s;
            if (n > 0) {
                pendingMin = Double.POSITIVE_INFINITY;
                pendingMax = Double.NEGATIVE_INFINITY;
            }
            return a;
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
            sample();
            Histogram h = total.copy();
            long n = h.getTotalCount();
            return Aggregate.trend(metric(), tags(), n, sum.sum(), n == 0 ? 0 : totalMin, n == 0 ? 0 : totalMax, h);
        }
    }
}
