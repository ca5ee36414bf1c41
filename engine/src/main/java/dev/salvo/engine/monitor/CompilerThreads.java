package dev.salvo.engine.monitor;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds of HotSpot's JIT compiler threads. On Linux they come from the kernel's accounting of
 * each thread ({@code /proc/self/task/<tid>/stat}, threads named {@code C1 CompilerThre...} and
 * {@code C2 CompilerThre...}, which the JVM hides from its own thread beans); elsewhere from the JVM's
 * compilation counter, which counts elapsed time in compilations, more than CPU on a busy machine.
 */
final class CompilerThreads {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** The kernel's clock ticks per second for {@code utime}/{@code stime}: 100 on every Linux we know. */
    private static final double TICKS = 100;

    private CompilerThreads() {}

    static double cpuSeconds() {
        if (Files.isDirectory(TASKS)) {
            long ticks = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path task : tasks) ticks += compilerTicks(task);
                return ticks / TICKS;
            } catch (IOException | RuntimeException e) {
                // fall through to the JVM's counter
            }
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() / 1e3 : 0;
    }

    private static long compilerTicks(Path task) {
        try {
            String comm = Files.readString(task.resolve("comm")).trim();
            if (!comm.startsWith("C1 CompilerThre") && !comm.startsWith("C2 CompilerThre")) return 0;
            String stat = Files.readString(task.resolve("stat"));
            // The fields after the name, which is in parentheses and may hold spaces: state is field 3,
            // utime field 14 and stime field 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
