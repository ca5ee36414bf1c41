package dev.salvo.engine.monitor;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import dev.salvo.engine.http.OpenConnections;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/**
 * salvo's own health, always on: process and machine CPU and open connections on each sampler
 * tick (from the second one: the first sets up the management beans), each worker's event-loop lag from a task scheduled every {@value #PROBE_MILLIS} ms, and GC
 * pauses and heap after GC from the collectors' notifications.
 */
public final class GeneratorHealth implements AutoCloseable {
    static final long PROBE_MILLIS = 100;
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Metrics metrics;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final List<Probe> probes = new ArrayList<>();
    private final NotificationListener gcListener = this::onGc;
    // The management beans are set up by the first sample, on the sampler thread: the first use of
    // JMX can take a loaded machine half a second, which must not delay the scenarios' start.
    private OperatingSystemMXBean os;
    private volatile Set<String> heapPools;
    private long lastCpuNanos;
    private long lastWallNanos;
    private volatile boolean closed;

    public GeneratorHealth(Metrics metrics, List<EventLoop> workers, String jsRuntime) {
        this.metrics = metrics;
        for (int i = 0; i < workers.size(); i++) {
            Probe p = new Probe(workers.get(i), Tags.of("worker", String.valueOf(i)));
            probes.add(p);
            p.loop.execute(p::schedule);
        }
        if (jsRuntime != null) metrics.add(SALVO_JS_RUNTIME, Tags.of("runtime", jsRuntime), 1);
    }

    /** The cores the JVM may use: the denominator of {@code salvo_cpu}. */
    public int cores() {
        return cores;
    }

    /** Called on each sampler tick: CPU since the last tick, machine CPU, open connections. */
    public void sample() {
        if (os == null) {
            start();
            return;
        }
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        if (cpu >= 0 && wall > lastWallNanos) {
            double busyCores = (double) (cpu - lastCpuNanos) / (wall - lastWallNanos);
            metrics.add(SALVO_CPU_CORES, Tags.EMPTY, busyCores);
            metrics.add(SALVO_CPU, Tags.EMPTY, Math.min(100, 100 * busyCores / cores));
        }
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        double machine = os.getCpuLoad();
        if (machine >= 0) metrics.add(SALVO_MACHINE_CPU, Tags.EMPTY, 100 * machine);
        metrics.add(SALVO_CONNECTIONS, Tags.EMPTY, OpenConnections.count());
        for (Probe p : probes) p.recordIfStuck(wall);
    }

    /**
     * Records, once at the end of the run, the CPU seconds salvo used, how many of them its compilers
     * took (HotSpot's counter plus {@code jsCompileSeconds}), and what the script's runtime compiled
     * (and failed to compile).
     */
    public void finish(int jsCompilations, int jsTier, double jsCompileSeconds, int jsFailures) {
        metrics.add(SALVO_JS_COMPILATIONS, Tags.of("tier", Integer.toString(jsTier)), jsCompilations);
        metrics.add(SALVO_JS_COMPILE_FAILURES, Tags.EMPTY, jsFailures);
        try {
            OperatingSystemMXBean bean = os != null ? os : (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = bean.getProcessCpuTime();
            if (cpu >= 0) metrics.add(SALVO_CPU_SECONDS, Tags.EMPTY, cpu / 1e9);
            metrics.add(SALVO_JIT_SECONDS, Tags.EMPTY, CompilerThreads.cpuSeconds() + jsCompileSeconds);
        } catch (LinkageError | RuntimeException e) {
            // The management beans could not start (out of file descriptors, say): the run's results
            // matter more than these two figures.
        }
    }

    private void start() {
        os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        lastCpuNanos = os.getProcessCpuTime();
        lastWallNanos = System.nanoTime();
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        synchronized (this) {
            if (closed) return;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) e.addNotificationListener(gcListener, null, null);
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (closed || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        // Concurrent cycles (G1's, ZGC's) run beside the application: their duration is no pause.
        if (!info.getGcName().contains("Concurrent") && !info.getGcName().startsWith("ZGC")) {
            metrics.add(SALVO_GC_PAUSE, Tags.EMPTY, info.getGcInfo().getDuration());
        }
        long heap = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) heap += e.getValue().getUsed();
        }
        metrics.add(SALVO_HEAP_AFTER_GC, Tags.EMPTY, heap);
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Probe p : probes) p.cancel();
        if (os == null) return; // never started: no listener to remove
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter e)) continue;
            try {
                e.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // not registered on this collector
            }
        }
    }

    /** One worker's lag probe: reschedules itself and records how late it ran. */
    private final class Probe {
        final EventLoop loop;
        /** This worker's lag series, looked up once: the probe runs ten times a second on a loop that may still be interpreted. */
        final Series lag;
        volatile long dueNanos;
        volatile ScheduledFuture<?> next;

        Probe(EventLoop loop, Tags tags) {
            this.loop = loop;
            this.lag = metrics.series(SALVO_LOOP_LAG, tags);
        }

        void schedule() {
            if (closed || loop.isShuttingDown()) return;
            dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS);
            next = loop.schedule(this::ran, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        }

        void ran() {
            lag.add(Math.max(0, System.nanoTime() - dueNanos) / 1e6);
            schedule();
        }

        /**
         * A loop that a script keeps busy never runs the probe: while it is overdue by more than a
         * sampler period, each tick records how overdue it is, so the lag shows while it lasts.
         */
        void recordIfStuck(long now) {
            long overdue = now - dueNanos;
            if (overdue > STUCK_NANOS) lag.add(overdue / 1e6);
        }

        void cancel() {
            ScheduledFuture<?> f = next;
            if (f != null) f.cancel(false);
        }
    }
}
