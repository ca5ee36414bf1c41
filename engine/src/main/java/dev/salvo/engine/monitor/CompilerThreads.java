package dev.salvo.engine.monitor;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * CPU seconds of HotSpot's JIT compiler threads. On Linux they come from the kernel's accounting of
 * each thread ({@code /proc/self/task/<tid>/stat}, threads named {@code C1 CompilerThre...} and
 * {@code C2 CompilerThre...}, which the JVM hides from its own thread beans); elsewhere from the JVM's
 * compilation counter, which counts elapsed time in compilations, more than CPU on a busy machine.
 *
 * <p>{@link #yieldToOthers()} gives the compiler threads (HotSpot's and Truffle's) the lowest OS priority, so
 * on a machine shared with the target a warm-up takes the cores the target and salvo's own loops leave idle.
 */
final class CompilerThreads {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** The kernel's clock ticks per second for {@code utime}/{@code stime}: 100 on every Linux we know. */
    private static final double TICKS = 100;

    /** {@code nice} 19: the kernel runs such a thread only when no thread of higher priority is runnable. */
    private static final int LOWEST = 19;
    private static final MethodHandle SETPRIORITY = setpriority();
    /** Thread ids already looked at (the sampler thread only). */
    private static final Set<String> seen = new HashSet<>();

    private CompilerThreads() {}

    /** libc's {@code setpriority(int which, id_t who, int prio)}, or null where there is none. */
    private static MethodHandle setpriority() {
        if (!Files.isDirectory(TASKS) || !Boolean.parseBoolean(System.getProperty("salvo.lowerCompilerPriority", "true"))) return null;
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority").map(f -> linker.downcallHandle(f,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null; // no native access: the threads keep the JVM's priority
        }
    }

    /**
     * Lowers the priority of compiler threads started since the last call (Linux; elsewhere nothing).
     * Called by the sampler each second: HotSpot starts and stops compiler threads as its queues grow.
     */
    static void yieldToOthers() {
        if (SETPRIORITY == null) return;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String tid = task.getFileName().toString();
                if (!seen.add(tid) || !isCompiler(comm(task))) continue;
                // which = PRIO_PROCESS (0) with a thread id: Linux sets that one thread's nice value.
                int unused = (int) SETPRIORITY.invokeExact(0, Integer.parseInt(tid), LOWEST);
            }
        } catch (Throwable e) {
            // a thread that ended meanwhile, or /proc unreadable: the priority is an optimisation only
        }
    }

    private static boolean isCompiler(String comm) {
        return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre") || comm.startsWith("TruffleCompile");
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

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
            String comm = comm(task);
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
