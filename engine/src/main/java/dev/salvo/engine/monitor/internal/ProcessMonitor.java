package dev.salvo.engine.monitor.internal;

import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a local process (and optionally its descendants) from /proc into the gauges
 * {@code NAME_rss} (bytes), {@code NAME_cpu} (% of one core since the last sample),
 * {@code NAME_cpu_seconds}, {@code NAME_threads} and {@code NAME_fds}.
 */
public final class ProcessMonitor implements Monitor {
    private final long pid;
    private final String name;
    private final Duration every;
    private final Tags tags;
    private final boolean tree;
    private final Metrics metrics;
    private final Reporter reporter;
    private final Metric rss;
    private final Metric cpu;
    private final Metric cpuSeconds;
    private final Metric threads;
    private final Metric fds;
    private double lastCpuSeconds = Double.NaN;
    private long lastNanos;
    private volatile boolean alive;

    public ProcessMonitor(long pid, String name, Duration every, Tags tags, boolean tree, Metrics metrics, Reporter reporter) {
        this.pid = pid;
        this.alive = pid > 0; // no process was found: a warning has said so, and the gauges stay empty
        this.name = name;
        this.every = every;
        this.tags = tags;
        this.tree = tree;
        this.metrics = metrics;
        this.reporter = reporter;
        rss = metrics.define(Metric.gauge(name + "_rss"));
        cpu = metrics.define(Metric.gauge(name + "_cpu"));
        cpuSeconds = metrics.define(Metric.gauge(name + "_cpu_seconds"));
        threads = metrics.define(Metric.gauge(name + "_threads"));
        fds = metrics.define(Metric.gauge(name + "_fds"));
    }

    /** The gauges a process monitor named {@code name} records. */
    public static List<String> gauges(String name) {
        return List.of(name + "_rss", name + "_cpu", name + "_cpu_seconds", name + "_threads", name + "_fds");
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public boolean alive() {
        return alive;
    }

    @Override
    public void sample() {
        ProcFs.Reading r;
        try {
            r = ProcFs.read(pid);
        } catch (IOException | RuntimeException e) {
            alive = false;
            reporter.warn("monitor.process: process " + pid + " (" + name + ") is gone; its series stop here");
            return;
        }
        if (tree) r = withDescendants(r);
        long now = System.nanoTime();
        metrics.add(rss, tags, r.rssBytes());
        metrics.add(cpuSeconds, tags, r.cpuSeconds());
        metrics.add(threads, tags, r.threads());
        if (r.fds() >= 0) metrics.add(fds, tags, r.fds());
        else reporter.warn("monitor.process: cannot read the open files of process " + pid + " (" + name + "): "
                + name + "_fds stays empty (run salvo as the process's user)");
        if (!Double.isNaN(lastCpuSeconds) && now > lastNanos) {
            metrics.add(cpu, tags, Math.max(0, 100 * (r.cpuSeconds() - lastCpuSeconds) / ((now - lastNanos) / 1e9)));
        }
        lastCpuSeconds = r.cpuSeconds();
        lastNanos = now;
    }

    private ProcFs.Reading withDescendants(ProcFs.Reading own) {
        List<Long> children = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> children.add(d.pid())));
        ProcFs.Reading sum = own;
        for (long child : children) {
            try {
                sum = sum.plus(ProcFs.read(child));
            } catch (IOException | RuntimeException e) {
                // a child that ended between listing and reading counts no more
            }
        }
        return sum;
    }
}
