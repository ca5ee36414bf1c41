package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.config.Problems;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.monitor.Saturation;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.PlanParser;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.ThresholdsParser;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/**
 * A rich run without a network, for report.html: a few seconds recorded into real {@link Metrics}
 * (three HTTP requests with their timing phases, a WebSocket scenario, a custom Trend, Counter, Rate
 * and Gauge, checks in groups, failed requests, generator health running hot), then replayed second
 * by second into the report's listeners for as long as asked, as the sampler would publish them.
 */
final class SyntheticRun {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String OPTIONS = """
            {"scenarios": {
              "browse": {"executor": "ramping-vus", "startVUs": 0, "stages": [{"duration": "20s", "target": 10}], "exec": "browse"},
              "chat": {"executor": "constant-vus", "vus": 2, "duration": "20s", "exec": "chat"}},
             "thresholds": {"http_req_duration": ["p(95)<40"], "checks": ["rate>0.5"], "items": ["count>0"]}}""";
    static final Metric ITEM_LATENCY = Metric.trend("item_latency", true);
    static final Metric ITEMS = Metric.counter("items");
    static final Metric CACHE_HITS = Metric.rate("cache_hits");
    static final Metric QUEUE_DEPTH = Metric.gauge("queue_depth");
    private static final String[] NAMES = {"GET /items", "POST /cart", "GET /items/{id}"};

    final List<List<Aggregate>> recorded = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Plan plan;
    final List<Threshold> thresholds;
    private final Saturation saturation = new Saturation(2, warnings::add);

    /** Records {@code seconds} distinct seconds. */
    SyntheticRun(int seconds) throws Exception {
        ObjectMapper json = new ObjectMapper();
        plan = PlanParser.parse(json.readTree(OPTIONS), Overrides.NONE);
        Problems problems = new Problems();
        thresholds = ThresholdsParser.parse(json.readTree(OPTIONS).get("thresholds"), problems);
        Metrics m = new Metrics();
        Random random = new Random(7);
        for (int s = 0; s < seconds; s++) {
            second(m, s, random);
            List<Aggregate> copies = new ArrayList<>();
            for (Aggregate a : m.takeIntervals()) copies.add(Aggregate.empty(a.metric(), a.tags()).merge(a));
            recorded.add(copies);
        }
    }

    private static void second(Metrics m, int s, Random random) {
        int vus = Math.min(10, s / 2 + 1);
        m.add(VUS, Tags.EMPTY, vus);
        for (int n = 0; n < NAMES.length; n++) {
            String[] mn = NAMES[n].split(" ");
            for (int i = 0; i < 20 + 10 * n; i++) {
                boolean failed = random.nextInt(12) == 0;
                int status = failed ? 503 : 200;
                Tags t = Tags.of("name", mn[1], "method", mn[0], "status", Integer.toString(status), "scenario", "browse",
                        "expected_response", Boolean.toString(!failed));
                double waiting = 5 + n * 8 + Math.abs(random.nextGaussian()) * 10 + (s % 7 == 3 ? 60 : 0);
                m.add(HTTP_REQS, t, 1);
                m.add(HTTP_REQ_FAILED, t, failed ? 1 : 0);
                m.add(HTTP_REQ_BLOCKED, t, 0.01);
                m.add(HTTP_REQ_CONNECTING, t, i == 0 ? 0.4 : 0);
                m.add(HTTP_REQ_TLS_HANDSHAKING, t, i == 0 ? 2.5 : 0);
                m.add(HTTP_REQ_SENDING, t, 0.05);
                m.add(HTTP_REQ_WAITING, t, waiting);
                m.add(HTTP_REQ_RECEIVING, t, 0.3 + n);
                m.add(HTTP_REQ_DURATION, t, waiting + 0.35 + n);
                m.add(DATA_SENT, t, 120 + 40 * n);
                m.add(DATA_RECEIVED, t, 900 + 300 * n);
                m.add(CHECKS, Tags.of("check", "status is 200", "group", n == 1 ? "::checkout" : ""), failed ? 0 : 1);
            }
        }
        m.add(CHECKS, Tags.of("check", "has items", "group", "::checkout"), 1);
        Tags chat = Tags.of("name", "ws://127.0.0.1/chat", "scenario", "chat", "status", "101");
        if (s % 5 == 0) {
            m.add(WS_CONNECTING, chat, 1.5 + random.nextDouble());
            m.add(WS_SESSIONS, chat, 2);
        }
        m.add(WS_MSGS_SENT, chat, 20);
        m.add(WS_MSGS_RECEIVED, chat, 40);
        m.add(WS_PING, chat, 0.4 + random.nextDouble());
        if (s % 9 == 4) m.add(WS_ERRORS, chat.with("error_code", "1011"), 1);
        for (int i = 0; i < 15; i++) m.add(ITEM_LATENCY, Tags.of("scenario", "browse"), 2 + random.nextDouble() * 30);
        m.add(ITEMS, Tags.of("scenario", "browse"), 15);
        m.add(CACHE_HITS, Tags.EMPTY, random.nextInt(4) == 0 ? 0 : 1);
        m.add(QUEUE_DEPTH, Tags.EMPTY, 5 + s % 11);
        m.add(ITERATIONS, Tags.of("scenario", "browse"), 9);
        m.add(ITERATION_DURATION, Tags.of("scenario", "browse"), 80 + random.nextDouble() * 40);
        m.add(SALVO_CPU, Tags.EMPTY, s < 2 ? 40 : 96); // hot from the third second: the saturation warning
        m.add(SALVO_MACHINE_CPU, Tags.EMPTY, s < 2 ? 50 : 99);
        m.add(SALVO_CPU_CORES, Tags.EMPTY, s < 2 ? 0.8 : 1.9);
        for (int i = 0; i < 10; i++) m.add(SALVO_LOOP_LAG, Tags.of("worker", "0"), 1 + random.nextDouble() * 4);
        if (s % 3 == 0) m.add(SALVO_GC_PAUSE, Tags.EMPTY, 3 + random.nextDouble() * 5);
        m.add(SALVO_HEAP_AFTER_GC, Tags.EMPTY, 60e6 + s % 13 * 1e6);
        m.add(SALVO_CONNECTIONS, Tags.EMPTY, vus + 2);
        m.add(SALVO_JS_RUNTIME, Tags.of("runtime", "compiled"), 1);
    }

    /** Publishes {@code seconds} seconds, cycling through the recorded ones, to {@code listeners}. */
    void replay(int seconds, List<IntervalListener> listeners) {
        long t0 = START.toEpochMilli();
        for (int s = 0; s < seconds; s++) {
            Interval interval = new Interval(t0 + s * 1000L, t0 + (s + 1) * 1000L, recorded.get(s % recorded.size()));
            for (IntervalListener l : listeners) l.onInterval(interval);
            saturation.onInterval(interval);
        }
        String saturated = saturation.verdict();
        if (saturated != null) warnings.add(saturated);
    }

    /**
     * The summary of {@code seconds} replayed seconds: every full cycle through the recorded seconds adds
     * the same totals, so the totals are one cycle's times the cycles, plus the seconds of the last,
     * partial cycle (exact, and quick: a histogram is doubled, not added thousands of times).
     */
    Summary summary(int seconds) {
        Map<String, Aggregate> cycle = new LinkedHashMap<>(), rest = new LinkedHashMap<>();
        for (int s = 0; s < recorded.size(); s++) {
            for (Aggregate a : recorded.get(s)) {
                cycle.merge(a.metric().name() + a.tags(), a, Aggregate::merge);
                if (s < seconds % recorded.size()) rest.merge(a.metric().name() + a.tags(), a, Aggregate::merge);
            }
        }
        int cycles = seconds / recorded.size();
        List<Aggregate> totals = new ArrayList<>();
        cycle.forEach((k, a) -> {
            Aggregate total = cycles == 0 ? Aggregate.empty(a.metric(), a.tags()) : times(a, cycles);
            totals.add(rest.containsKey(k) ? total.merge(rest.get(k)) : total);
        });
        RunResult r = new RunResult(plan, START, Duration.ofSeconds(seconds), totals,
                Map.of("TypeError: Cannot read properties of undefined (reading 'id') (at browse.js:42:17)", 12L,
                        "Error: cart is empty (at browse.js:57:9)", 3L), 0, false);
        return Summary.of(r, ThresholdEvaluator.evaluateAll(thresholds, r.aggregates(), seconds));
    }

    /** {@code a} recorded {@code k} times over. */
    private static Aggregate times(Aggregate a, long k) {
        return switch (a.metric().type()) {
            case COUNTER -> Aggregate.counter(a.metric(), a.tags(), a.count() * k, a.sum() * k);
            case RATE -> Aggregate.rate(a.metric(), a.tags(), a.count() * k, a.passes() * k);
            case GAUGE -> a;
            case TREND -> {
                Histogram total = new Histogram(3), doubled = a.histogram().copy();
                for (long bits = k; bits > 0; bits >>= 1) {
                    if ((bits & 1) != 0) total.add(doubled);
                    doubled.add(doubled.copy());
                }
                yield Aggregate.trend(a.metric(), a.tags(), a.count() * k, a.sum() * k, a.min(), a.max(), total);
            }
        };
    }

    /** Replays {@code seconds} seconds into a new timeline and writes their report.html to {@code html}. */
    void writeReport(int seconds, Path html) throws IOException {
        Timeline timeline = new Timeline();
        timeline.watch(thresholds);
        replay(seconds, List.of(timeline));
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            HtmlReport.write(summary(seconds), new RunEnd(99, "completed", null), "browse.js", warnings, timeline, w);
        }
    }
}
