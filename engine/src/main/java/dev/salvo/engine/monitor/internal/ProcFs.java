package dev.salvo.engine.monitor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.nio.file.AccessDeniedException;


/** Reads one process's numbers from Linux's {@code /proc}. */
final class ProcFs {
    /** Clock ticks per second of /proc/PID/stat's CPU times: 100 on every mainstream Linux (USER_HZ). */
    static final double TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    /** One reading; {@code fds} is -1 when /proc/PID/fd is not readable (another user's process). */
    record Reading(long rssBytes, double cpuSeconds, int threads, int fds) {
        Reading plus(Reading o) {
            return new Reading(rssBytes + o.rssBytes, cpuSeconds + o.cpuSeconds, threads + o.threads,
                    fds < 0 || o.fds < 0 ? -1 : fds + o.fds);
        }
    }

    private ProcFs() {}

    /** @throws IOException when the process does not exist (any more) */
    static Reading read(long pid) throws IOException {
        Path dir = PROC.resolve(Long.toString(pid));
        String stat = Files.readString(dir.resolve("stat"));
        // the command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        int threads = Integer.parseInt(f[17]);
        long rss = 0;
        for (String line : Files.readAllLines(dir.resolve("status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        int fds;
        try (Stream<Path> list = Files.list(dir.resolve("fd"))) {
            fds = (int) list.count();
        } catch (AccessDeniedException e) {
            fds = -1;
        }
        return new Reading(rss, cpu, threads, fds);
    }
}
