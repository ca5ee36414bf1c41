package dev.salvo.engine.monitor;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.nio.charset.StandardCharsets;


/** Finds the process a {@code monitor.process} declaration means: by pid, by pid file, or by a command-line pattern. */
final class ProcessLookup {
    /** A pid that matches nothing: the monitor's gauges stay empty. */
    static final long NONE = -1;

    private ProcessLookup() {}

    static boolean procAvailable() {
        return Files.isDirectory(Path.of("/proc/self"));
    }

    /** The pid to sample, or {@link #NONE} after a warning; a pattern matching several processes is an error. */
    static long resolve(JsonNode o, String name, Consumer<String> warn) {
        long pid;
        if (o.has("pid")) {
            if (!o.get("pid").canConvertToLong() || o.get("pid").asLong() <= 0) {
                throw new IllegalArgumentException("pid must be a positive whole number, not " + o.get("pid"));
            }
            pid = o.get("pid").asLong();
        } else if (o.has("pidFile")) {
            pid = fromFile(o.get("pidFile").asText(), name, warn);
        } else {
            pid = matching(o.get("match").asText(), name, warn);
        }
        if (pid != NONE && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return pid;
        if (pid != NONE) warn.accept("monitor.process: no process with pid " + pid + " (" + name + "); its series stay empty");
        return NONE;
    }

    private static long fromFile(String file, String name, Consumer<String> warn) {
        try {
            String text = Files.readString(Path.of(file)).strip();
            if (!text.matches("\\d{1,10}")) throw new IllegalArgumentException("pidFile " + file + " holds '" + text + "', not a pid");
            return Long.parseLong(text);
        } catch (IOException e) {
            warn.accept("monitor.process: cannot read pidFile " + file + " (" + name + "): " + e.getMessage() + "; its series stay empty");
            return NONE;
        }
    }

    private static long matching(String regex, String name, Consumer<String> warn) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("match: '" + regex + "' is not a regular expression: " + e.getDescription());
        }
        Set<Long> self = new HashSet<>();
        for (Optional<ProcessHandle> h = Optional.of(ProcessHandle.current()); h.isPresent(); h = h.get().parent()) self.add(h.get().pid());
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(h -> !self.contains(h.pid()))
                .filter(h -> pattern.matcher(commandLine(h)).find())
                .toList();
        if (found.isEmpty()) {
            warn.accept("monitor.process: no process matches '" + regex + "' (" + name + "); its series stay empty");
            return NONE;
        }
        if (found.size() > 1) {
            StringBuilder b = new StringBuilder("match '" + regex + "' matches " + found.size() + " processes; make it match one:");
            found.stream().limit(10).forEach(h -> b.append("\n    ").append(h.pid()).append("  ").append(abbreviate(commandLine(h))));
            if (found.size() > 10) b.append("\n    ...");
            throw new IllegalArgumentException(b.toString());
        }
        return found.get(0).pid();
    }

    /** The full command line from /proc (ProcessHandle's is cut for other users' processes). */
    private static String commandLine(ProcessHandle h) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException | RuntimeException e) {
            return h.info().commandLine().orElse("");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
