package dev.salvo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real {@code bin/salvo run} process: it stops soon, prints the summary so far and exits 130. */
class InterruptIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.home"), "bin", "salvo");
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir Path tmp;

    @Test
    void sigintStopsARunningTestPrintsTheSummaryAndExits130() throws Exception {
        Path script = tmp.resolve("long.js");
        Files.writeString(script, """
                import http from 'salvo/http';
                import { sleep, env } from 'salvo';
                export const options = { vus: 2, duration: '60s' };
                export default async function () {
                  await http.get(`${env.BASE_URL}/health`, { tags: { name: 'health' } });
                  await sleep(0.05);
                }
                """);
        runAndInterrupt(script);
    }

    @Test
    void sigintStillWritesEveryResultFileCompleteAndSummaryJsonSaysInterrupted() throws Exception {
        Path script = tmp.resolve("long.js");
        Files.writeString(script, """
                import http from 'salvo/http';
                import { sleep, env } from 'salvo';
                export const options = { vus: 2, duration: '60s', thresholds: { http_req_duration: ['p(95)<5000'] } };
                export default async function () {
                  await http.get(`${env.BASE_URL}/health`, { tags: { name: 'health' } });
                  await sleep(0.05);
                }
                """);
        Path results = tmp.resolve("results");
        runAndInterrupt(script, "--out", results.toString());
        String json = Files.readString(results.resolve("summary.json"));
        assertTrue(json.contains("\"ended\" : \"interrupted\""), json);
        assertTrue(json.contains("\"exitCode\" : 130"), json);
        String stats = Files.readString(results.resolve("stats.csv"));
        Matcher agg = Pattern.compile("\r\n,Aggregated,(\\d+),").matcher(stats);
        assertTrue(agg.find(), stats);
        assertTrue(Long.parseLong(agg.group(1)) > 0, stats);
        assertTrue(Files.readString(results.resolve("junit.xml")).trim().endsWith("</testsuites>"));
        assertTrue(Files.readString(results.resolve("report.html")).trim().endsWith("</html>"));
        assertTrue(Files.readString(results.resolve("stats_history.csv")).contains(",Aggregated,"));
        assertTrue(Files.readString(results.resolve("summary.md")).contains("INTERRUPTED"));
        try (var files = Files.list(results)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("exceptions.csv", "failures.csv", "junit.xml", "latency.hlog", "metrics.csv", "report.html",
                    "stats.csv", "stats_history.csv", "summary.json", "summary.md"), names, "no temporary file left");
        }
    }

    @Test
    void sigtermLikeCiAndKubernetesSendWritesEveryResultFileCompleteAndExits130() throws Exception {
        Path script = tmp.resolve("long.js");
        Files.writeString(script, """
                import http from 'salvo/http';
                import { sleep, env } from 'salvo';
                export const options = { vus: 2, duration: '60s' };
                export default async function () {
                  await http.get(`${env.BASE_URL}/health`, { tags: { name: 'health' } });
                  await sleep(0.05);
                }
                """);
        Path results = tmp.resolve("results");
        runAndSignal("TERM", script, "--out", results.toString());
        String json = Files.readString(results.resolve("summary.json"));
        assertTrue(json.trim().endsWith("}") && json.contains("\"ended\" : \"interrupted\""), json);
        assertTrue(json.contains("\"exitCode\" : 130"), json);
        assertTrue(Files.readString(results.resolve("stats.csv")).contains(",Aggregated,"));
        assertTrue(Files.readString(results.resolve("junit.xml")).trim().endsWith("</testsuites>"));
        assertTrue(Files.readString(results.resolve("report.html")).trim().endsWith("</html>"));
        assertTrue(Files.readString(results.resolve("summary.md")).contains("INTERRUPTED"));
        try (var files = Files.list(results)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("exceptions.csv", "failures.csv", "junit.xml", "latency.hlog", "metrics.csv", "report.html",
                    "stats.csv", "stats_history.csv", "summary.json", "summary.md"), names, "no temporary file left");
        }
    }

    private void runAndInterrupt(Path script, String... more) throws Exception {
        runAndSignal("INT", script, more);
    }

    private void runAndSignal(String signal, Path script, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(LAUNCHER.toString(), "run", "--demo", "--workers", "1"));
        args.addAll(List.of(more));
        args.add(script.toString());
        ProcessBuilder pb = new ProcessBuilder(args);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SALVO_") || k.endsWith("_OPTS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("JAVA_HOME", JDK.toString());
        env.put("SALVO_JS_RUNTIME", "interpreter");
        pb.redirectOutput(tmp.resolve("out").toFile());
        Process p = pb.start();
        try {
            StringBuilder err = new StringBuilder();
            CompletableFuture<Void> running = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (err) {
                            err.append(line).append('\n');
                        }
                        if (line.startsWith("salvo: running ")) running.complete(null);
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                } finally {
                    running.complete(null);
                }
            });
            reader.start();
            running.get(30, TimeUnit.SECONDS);
            assertTrue(p.isAlive(), "salvo ended before it was interrupted: " + err);
            Thread.sleep(1500); // let some requests complete
            long sent = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "salvo did not stop within 10 s of SIG" + signal);
            double stopSeconds = (System.nanoTime() - sent) / 1e9;
            reader.join(5000);
            String out = Files.readString(tmp.resolve("out"));
            String all = out + "\n--- stderr\n" + err;
            assertEquals(130, p.exitValue(), all);
            assertTrue(stopSeconds < 5, "took " + stopSeconds + " s to stop: " + all);
            assertTrue(err.toString().contains("stopping (SIG" + signal + ")"), all);
            assertTrue(out.contains("INTERRUPTED"), all);
            Matcher reqs = Pattern.compile("http_reqs\\.+\\s+(\\d+)").matcher(out);
            assertTrue(reqs.find(), "no http_reqs in the summary: " + all);
            assertTrue(Long.parseLong(reqs.group(1)) > 0, all);
        } finally {
            p.destroyForcibly();
        }
    }
}
