package dev.salvo.dsl;

import dev.salvo.dsl.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code salvo} in this JVM through {@link Main#execute} with System.out and System.err captured
 * (the commands read them when picocli constructs them, so they are replaced around the call).
 */
public final class Salvo {
    private static final Pattern CHECK = Pattern.compile("^\\s+[✓✗] (.+?)  (\\d+) passed, (\\d+) failed", Pattern.MULTILINE);
    private static final Pattern COMPLETED = Pattern.compile("in \\S+: (\\d+) iterations? completed, (\\d+) interrupted");

    private Salvo() {}

    /** What one command printed and returned; {@code runningAtNanos} is when "salvo: running" reached stderr. */
    public record Result(int exit, String out, String err, long runningAtNanos, long endNanos) {
        public String all() {
            return out + "\n" + err;
        }

        /** Check name to [passes, fails], from the summary's checks section. */
        public Map<String, long[]> checks() {
            Map<String, long[]> out = new LinkedHashMap<>();
            Matcher m = CHECK.matcher(this.out);
            while (m.find()) out.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
            return out;
        }

        public long passes(String check) {
            long[] c = checks().get(check);
            return c == null ? 0 : c[0];
        }

        /** The "N iterations completed" of the summary's last line; -1 when absent. */
        public long iterationsCompleted() {
            Matcher m = COMPLETED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        /** The cells of a request table row (NAME METHOD REQS FAILS RPS AVG P50 P90 P95 P99 MAX), or null. */
        public String[] requestRow(String name) {
            for (String line : out.split("\n")) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length == 11 && cells[0].equals(name)) return cells;
            }
            return null;
        }

        /** Seconds from the "running" line to the command's return. */
        public double runSeconds() {
            return (endNanos - runningAtNanos) / 1e9;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /**
     * A distribution's folder ({@code -Dsalvo.faults.dist=/path/to/salvo}): commands then run as its
     * {@code bin/salvo} process, so that the fault suite can show a case failing on an older build (docs/faults.md).
     */
    private static final String DIST = System.getProperty("salvo.faults.dist");

    public static Result run(String... args) {
        return run(System.getenv(), args);
    }

    /** Runs with {@code env} as the environment the {@code SALVO_*} flags are read from. */
    public static Result run(Map<String, String> env, String... args) {
        if (DIST != null) return runDistribution(env, args);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long[] runningAt = {0};
        OutputStream errSink = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                err.write(b);
                stamp();
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                err.write(b, off, len);
                stamp();
            }

            private void stamp() {
                if (runningAt[0] == 0 && err.toString(StandardCharsets.UTF_8).contains("salvo: running ")) runningAt[0] = System.nanoTime();
            }
        };
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errSink, true, StandardCharsets.UTF_8));
            exit = Main.execute(env, args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        long end = System.nanoTime();
        Result r = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), runningAt[0], end);
        oldErr.println("[salvo " + String.join(" ", args) + "] " + r);
        return r;
    }

    private static Result runDistribution(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(DIST, "bin", "salvo").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SALVO_") || k.endsWith("_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.forEach((k, v) -> {
            if (k.startsWith("SALVO_")) pb.environment().put(k, v); // the flags an in-process run would read
        });
        pb.environment().putIfAbsent("SALVO_JS_RUNTIME", "interpreter"); // as the in-process tests run
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(3, TimeUnit.MINUTES)) p.destroyForcibly(); // an old build may never end: its exit is then 137
            long end = System.nanoTime();
            // the "running" moment is not seen from outside: runSeconds() then counts the JVM's start too
            Result r = new Result(p.waitFor(), out.get(), err.get(), start, end);
            System.err.println("[" + String.join(" ", command) + "] " + r);
            return r;
        } catch (IOException | ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code bin/salvo ARGS} of the packaged distribution ({@code salvo.home}, the ITs') in the interpreter, as
     * a process of its own with its output in {@code log} and no SALVO_* or JVM options from this environment.
     */
    public static Process launch(Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("salvo.home"), "bin", "salvo").toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SALVO_") || k.endsWith("_OPTS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SALVO_JS_RUNTIME", "interpreter");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    /** What {@code in} gave until it ended, or until the process was killed (its stream then closes). */
    private static String drain(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (in) {
            in.transferTo(bytes);
        } catch (IOException e) {
            // killed: keep what came
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Writes a script file (creating folders) and returns its path as a string for the command line. */
    public static String script(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }
}
