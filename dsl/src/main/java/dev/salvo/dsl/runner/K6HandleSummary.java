package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.script.Lifecycle;
import dev.salvo.dsl.script.ScriptError;
import dev.salvo.engine.report.K6SummaryData;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.report.TrendStats;
import io.netty.channel.EventLoop;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * k6's {@code handleSummary(data)} of a k6 script, called once the run has ended: the script gets k6's summary
 * object and returns {@code {stdout: text, stderr: text, 'path/file': text}}; salvo prints and writes those
 * (paths relative to the working directory, parent folders created, as k6 does) in place of its own console
 * summary. When it fails, salvo's summary is printed as without it and a warning says why; the exit code stays
 * the run's.
 */
final class K6HandleSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lifecycle lifecycle;
    private final EventLoop loop;
    private final CompletableFuture<?> stop;
    private final List<String> trendStats;

    /** {@code trendStats}: {@code --summary-trend-stats} when given, else k6's default columns. */
    K6HandleSummary(Lifecycle lifecycle, EventLoop loop, CompletableFuture<?> stop, TrendStats trendStats) {
        this.lifecycle = lifecycle;
        this.loop = loop;
        this.stop = stop;
        this.trendStats = trendStats.custom() ? trendStats.stats().stream().map(TrendStats.Stat::label).toList() : K6SummaryData.TREND_STATS;
    }

    /** True when handleSummary() ran and its outputs were written: salvo's console summary is then left out. */
    boolean run(Summary summary, PrintStream out, PrintStream err, Consumer<String> warn) {
        String returned;
        try {
            String data = JSON.writeValueAsString(K6SummaryData.tree(summary, trendStats));
            returned = lifecycle.handleSummary(loop, data, stop);
        } catch (ScriptError e) {
            warn.accept(e.getMessage() + "; salvo's own summary follows");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            warn.accept("handleSummary(): " + e.getMessage());
            return false;
        }
        if (returned == null) return true; // k6: nothing returned, nothing printed
        JsonNode outputs;
        try {
            outputs = JSON.readTree(returned);
        } catch (IOException e) {
            warn.accept("handleSummary() returned no object: " + e.getMessage());
            return false;
        }
        if (!outputs.isObject()) {
            warn.accept("handleSummary() must return an object of { stdout | stderr | path: text }, not " + outputs.getNodeType());
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String text = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString();
            switch (e.getKey()) {
                case "stdout" -> out.print(text);
                case "stderr" -> err.print(text);
                default -> write(Path.of(e.getKey()), text, warn);
            }
        }
        out.flush();
        return true;
    }

    private static void write(Path file, String text, Consumer<String> warn) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            warn.accept("handleSummary(): cannot write '" + file + "': " + e.getMessage());
        }
    }
}
