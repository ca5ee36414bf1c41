package dev.salvo.engine.monitor;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.Series;
import org.HdrHistogram.Histogram;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.Consumer;

import static dev.salvo.engine.metrics.BuiltinMetrics.SALVO_CPU;
import static dev.salvo.engine.metrics.BuiltinMetrics.SALVO_LOOP_LAG;
import static dev.salvo.engine.metrics.BuiltinMetrics.SALVO_MACHINE_CPU;

/**
 * Watches the generator's health intervals for saturation: CPU above {@value #CPU_LIMIT}% of the
 * usable cores for {@value #WINDOW} s in a row, or event-loop lag p99 above {@value #LAG_LIMIT_MS} ms
 * over the last {@value #LAG_WINDOW} s (the run's first second, salvo's own warm-up, is not judged).
 * Says so once per condition while the run goes on, and sums it up in {@link #verdict()}.
 */
public final class Saturation implements IntervalListener {
    static final double CPU_LIMIT = 90;
    static final double LAG_LIMIT_MS = 50;
    static final int WINDOW = 5;
    /** Long enough that one late probe on a busy machine is not the p99. */
    static final int LAG_WINDOW = 10;
    private static final String WHY = "latencies may include generator delay";

    private final int cores;
    private final Consumer<String> live;
    private final ArrayDeque<Histogram> lagWindow = new ArrayDeque<>();
    private int hotSeconds;
    private int longestHot;
    private double maxCpu;
    private double worstLagP99;
    private boolean cpuSaid;
    private boolean lagSaid;
    private boolean warmedUp;
    private double machineCpu;
    private double ownCpu;
    private String crowded = "";

    /** @param live receives a warning line the moment saturation is seen */
    public Saturation(int cores, Consumer<String> live) {
        this.cores = cores;
        this.live = live;
    }

    @Override
    public synchronized void onInterval(Interval interval) {
        Histogram lag = new Histogram(3);
        double cpu = Double.NaN;
        for (Aggregate a : interval.series()) {
            if (a.metric().equals(SALVO_CPU) && a.count() > 0) cpu = a.last();
            if (a.metric().equals(SALVO_MACHINE_CPU) && a.count() > 0) machineCpu = a.last();
            if (a.metric().equals(SALVO_LOOP_LAG) && a.histogram() != null) lag.add(a.histogram());
        }
        if (!Double.isNaN(cpu)) cpu(cpu);
        ownCpu = Double.isNaN(cpu) ? 0 : cpu;
        if (lag.getTotalCount() > 0 && warmedUp) lag(lag);
        warmedUp = true;
    }

    private void cpu(double cpu) {
        hotSeconds = cpu > CPU_LIMIT ? hotSeconds + 1 : 0;
        if (hotSeconds > 0) maxCpu = Math.max(maxCpu, cpu);
        longestHot = Math.max(longestHot, hotSeconds);
        if (hotSeconds >= WINDOW && !cpuSaid) {
            cpuSaid = true;
            live.accept(String.format(Locale.ROOT, "generator saturated: CPU above %.0f%% of %d cores for %d s (now %.0f%%); %s",
                    CPU_LIMIT, cores, hotSeconds, cpu, WHY));
        }
    }

    private void lag(Histogram interval) {
        lagWindow.addLast(interval);
        if (lagWindow.size() > LAG_WINDOW) lagWindow.removeFirst();
        if (lagWindow.size() < LAG_WINDOW) return;
        Histogram sum = new Histogram(3);
        lagWindow.forEach(sum::add);
        double p99 = sum.getValueAtPercentile(99) / Series.SCALE;
        if (p99 <= LAG_LIMIT_MS) return;
        worstLagP99 = Math.max(worstLagP99, p99);
        // Lag with salvo's own CPU low and the machine's high: other processes take the cores.
        if (machineCpu > CPU_LIMIT && machineCpu - ownCpu > 50) crowded = String.format(Locale.ROOT, " (the machine's CPU was at %.0f%%: other processes compete for it)", machineCpu);
        if (!lagSaid) {
            lagSaid = true;
            live.accept(String.format(Locale.ROOT, "generator saturated: event-loop lag p99 %.0f ms over the last %d s (limit %.0f ms)%s; %s",
                    p99, LAG_WINDOW, LAG_LIMIT_MS, crowded, WHY));
        }
    }

    /** One line for the end of the run if the generator was saturated at any time, else null. */
    public synchronized String verdict() {
        if (!cpuSaid && !lagSaid) return null;
        StringBuilder b = new StringBuilder("generator saturated during the run:");
        if (cpuSaid) b.append(String.format(Locale.ROOT, " CPU above %.0f%% of %d cores for up to %d s in a row (max %.0f%%);",
                CPU_LIMIT, cores, longestHot, maxCpu));
        if (lagSaid) b.append(String.format(Locale.ROOT, " event-loop lag p99 up to %.0f ms over %d s (limit %.0f ms)%s;",
                worstLagP99, LAG_WINDOW, LAG_LIMIT_MS, crowded));
        return b.append(' ').append(WHY).toString();
    }
}
