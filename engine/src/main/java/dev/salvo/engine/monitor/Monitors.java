package dev.salvo.engine.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.metrics.MetricNames;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.monitor.internal.HttpMonitor;
import dev.salvo.engine.monitor.internal.Monitor;
import dev.salvo.engine.monitor.internal.ProcessMonitor;
import dev.salvo.engine.monitor.internal.PrometheusMonitor;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.config.Suggest;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The resource monitors a script declares ({@code salvo/monitor}): checked and registered when
 * declared (the same declaration again, from another VU's init, is ignored), sampled during the
 * run on one thread of their own, never on a VU's event loop.
 */
public final class Monitors implements AutoCloseable {
    private static final Duration MIN_EVERY = Duration.ofMillis(100);
    private static final Map<String, List<String>> KEYS = Map.of(
            "process", List.of("pid", "pidFile", "match", "name", "every", "tags", "tree"),
            "prometheus", List.of("url", "metrics", "every", "tags"),
            "http", List.of("url", "json", "name", "every", "tags"));

    private final Metrics metrics;
    private final Map<String, Monitor> declared = new LinkedHashMap<>();
    private final Map<String, String> gaugeOwners = new LinkedHashMap<>();
    private final Set<String> said = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Consumer<String> live = w -> {};
    private ScheduledExecutorService thread;
    private HttpClient client;

    public Monitors(Metrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Declares {@code monitor.KIND(options)}; returns null, or what is wrong with it (the script's
     * error). A process that does not exist is a warning, not an error: its gauges stay empty.
     */
    public synchronized String declare(String kind, JsonNode options) {
        String key = kind + options;
        if (declared.containsKey(key)) return null;
        try {
            Monitor m = create(kind, options);
            declared.put(key, m);
            return null;
        } catch (IllegalArgumentException e) {
            return "monitor." + kind + "(): " + e.getMessage();
        }
    }

    public synchronized boolean isEmpty() {
        return declared.isEmpty();
    }

    /** Starts sampling every monitor, the first sample at once; {@code live} receives warnings as they arise. */
    public synchronized void start(Consumer<String> live) {
        this.live = live;
        if (declared.isEmpty() || thread != null) return;
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-monitor");
            t.setDaemon(true);
            return t;
        });
        for (Monitor m : declared.values()) {
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            self[0] = thread.scheduleAtFixedRate(() -> {
                if (m.alive()) m.sample();
                else if (self[0] != null) self[0].cancel(false);
            }, 0, m.every().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        closed = true; // a poll the shutdown cuts is no failure of the endpoint: no warning for it
        // The client first: an unanswered poll is abandoned, not awaited (its completion would need the thread).
        if (client != null) client.shutdownNow();
        if (thread != null) thread.shutdownNow();
    }

    private void warn(String message) {
        if (closed || !said.add(message)) return;
        metrics.warn(message);
        live.accept(message);
    }

    private synchronized HttpClient client() {
        if (client == null) {
            // Completions run on the monitor thread too: no pool of workers wakes up for a poll a second.
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL)
                    .executor(thread).build();
        }
        return client;
    }

    private Monitor create(String kind, JsonNode o) {
        List<String> keys = KEYS.get(kind);
        if (keys == null) throw new IllegalArgumentException("unknown monitor kind " + kind);
        if (o == null || !o.isObject()) throw new IllegalArgumentException("takes an options object, e.g. { " + keys.get(0) + ": ... }");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (keys.contains(k)) continue;
            String near = Suggest.closest(k, keys);
            throw new IllegalArgumentException("unknown option '" + k + "' (" + String.join(", ", keys) + ")"
                    + (near == null ? "" : "; did you mean " + near + "?"));
        }
        Duration every = every(o);
        Tags tags = tags(o);
        return switch (kind) {
            case "process" -> process(o, every, tags);
            case "prometheus" -> prometheus(o, every, tags);
            default -> http(o, every, tags);
        };
    }

    private Monitor process(JsonNode o, Duration every, Tags tags) {
        String name = name(o, "sut");
        int given = (o.has("pid") ? 1 : 0) + (o.has("pidFile") ? 1 : 0) + (o.has("match") ? 1 : 0);
        if (given != 1) throw new IllegalArgumentException("give exactly one of pid, pidFile, match");
        if (!ProcessLookup.procAvailable()) throw new IllegalArgumentException("needs Linux's /proc, which this system lacks");
        long pid = ProcessLookup.resolve(o, name, this::warn);
        claim(ProcessMonitor.gauges(name), "monitor.process named '" + name + "'");
        return new ProcessMonitor(pid, name, every, tags, o.path("tree").asBoolean(false), metrics, this::warn);
    }

    private Monitor prometheus(JsonNode o, Duration every, Tags tags) {
        URI url = url(o);
        List<PrometheusText.Selector> selectors = new ArrayList<>();
        JsonNode list = o.path("metrics");
        if (!list.isMissingNode() && !list.isArray()) throw new IllegalArgumentException("metrics must be an array of selectors");
        for (JsonNode s : list) {
            try {
                selectors.add(PrometheusText.Selector.parse(s.asText()));
            } catch (PrometheusText.FormatException e) {
                throw new IllegalArgumentException("metrics: '" + s.asText() + "' is not a selector: "
                        + e.getMessage().replaceFirst("^line 1: ", "") + " (e.g. 'jvm_memory_used_bytes{area=\"heap\"}')");
            }
        }
        return new PrometheusMonitor(this::client, url, every, selectors, tags, metrics, this::warn);
    }

    private Monitor http(JsonNode o, Duration every, Tags tags) {
        URI url = url(o);
        if (!o.path("json").isTextual() || o.path("json").asText().isBlank()) {
            throw new IllegalArgumentException("needs json: the path of the number in the answer, e.g. 'heap.used'");
        }
        if (!o.has("name")) throw new IllegalArgumentException("needs a name: the gauge to record, e.g. 'sut_heap'");
        String name = name(o, null);
        claim(List.of(name), "monitor.http named '" + name + "'");
        return new HttpMonitor(this::client, url, every, o.path("json").asText(), name, tags, metrics, this::warn);
    }

    /** Two monitors recording into one gauge would mix their values: refuse the second. */
    private void claim(List<String> gauges, String owner) {
        for (String g : gauges) {
            String other = gaugeOwners.get(g);
            if (other != null) throw new IllegalArgumentException("gauge '" + g + "' is already recorded by " + other + "; give each monitor its own name");
        }
        gauges.forEach(g -> gaugeOwners.put(g, owner));
    }

    private static String name(JsonNode o, String fallback) {
        String name = o.has("name") ? o.get("name").asText() : fallback;
        String problem = MetricNames.problem(name);
        if (problem != null) throw new IllegalArgumentException("name: " + problem);
        return name;
    }

    private static URI url(JsonNode o) {
        String text = o.path("url").asText("");
        try {
            URI url = URI.create(text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) return url;
        } catch (IllegalArgumentException bad) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("url must be an http:// or https:// URL, not '" + text + "'");
    }

    private static Duration every(JsonNode o) {
        if (!o.has("every")) return Duration.ofSeconds(1);
        Duration d = Durations.parse(o.get("every").asText());
        if (d.compareTo(MIN_EVERY) < 0) throw new IllegalArgumentException("every must be at least 100ms, not " + o.get("every").asText());
        return d;
    }

    private static Tags tags(JsonNode o) {
        JsonNode t = o.path("tags");
        if (t.isMissingNode()) return Tags.EMPTY;
        if (!t.isObject()) throw new IllegalArgumentException("tags must be an object of names to values");
        Map<String, String> map = new LinkedHashMap<>();
        t.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return Tags.of(map);
    }
}
