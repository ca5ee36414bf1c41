package dev.salvo.engine.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;


/** The registry of a run: metric definitions and their series, one per tag set. */
public final class Metrics {
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final Map<Key, Series> series = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tagSets = new ConcurrentHashMap<>();
    private final Set<String> warnedOnce = ConcurrentHashMap.newKeySet();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    /** Base URLs shown by a symbol in requests' {@code name} tag: {@link #nameUrls}. */
    private volatile Map<String, String> urlNames = Map.of();

    /** Distinct tag sets of one metric beyond which a URL-cardinality explosion is likely. */
    public static final int TAG_SET_WARNING = 1000;

    private record Key(String metric, Tags tags) {}

    /** Defines a metric, or returns the existing one; a different type under the same name is an error. */
    public Metric define(Metric metric) {
        Metric existing = metrics.putIfAbsent(metric.name(), metric);
        if (existing == null) return metric;
        if (existing.type() != metric.type() || existing.time() != metric.time()) {
            throw new IllegalArgumentException("metric '" + metric.name() + "' is already defined as a "
                    + existing.type().label() + (existing.time() ? " (time)" : "") + ", not a " + metric.type().label());
        }
        return existing;
    }

    public Metric get(String name) {
        return metrics.get(name);
    }

    public Collection<Metric> metrics() {
        return metrics.values();
    }

    public Series series(Metric metric, Tags tags) {
        Key key = new Key(metric.name(), tags);
        Series s = series.get(key);
        if (s != null) return s;
        define(metric);
        return series.computeIfAbsent(key, k -> {
            int n = tagSets.computeIfAbsent(metric.name(), m -> new AtomicInteger()).incrementAndGet();
            if (n == TAG_SET_WARNING + 1) {
                warnings.add("metric '" + metric.name() + "' has more than " + TAG_SET_WARNING + " distinct tag sets: "
                        + "give requests with variable URLs a 'name' tag (tags: { name: '/api/items/{id}' })");
            }
            return Series.create(metric, tags);
        });
    }

    /**
     * Requests under one of these base URLs (keys) are named with its symbol (values) instead, e.g. the demo
     * target's {@code http://127.0.0.1:41234} as {@code ${env.BASE_URL}}: its port differs from run to run,
     * and a request named by a URL holding it would never line up with a baseline. The {@code url} tag keeps
     * the URL as sent.
     */
    public void nameUrls(Map<String, String> symbols) {
        urlNames = Map.copyOf(symbols);
    }

    /** A request's default name: its URL, with a base URL given to {@link #nameUrls} replaced by its symbol. */
    public String requestName(String url) {
        for (Map.Entry<String, String> e : urlNames.entrySet()) {
            String base = e.getKey();
            if (url.startsWith(base) && (url.length() == base.length() || "/?#".indexOf(url.charAt(base.length())) >= 0)) {
                return e.getValue() + url.substring(base.length());
            }
        }
        return url;
    }

    /** Problems seen while recording, such as a metric with too many tag sets. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Records {@code warning} the first time {@code key} is seen, and never again in this run. */
    public void warnOnce(String key, String warning) {
        if (warnedOnce.add(key)) warnings.add(warning);
    }

    /** Records a problem to report at the end of the run. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    public void add(Metric metric, Tags tags, double value) {
        series(metric, tags).add(value);
    }

    /** Called by the one sampler thread: drains every trend's interval into its totals. */
    public void sample() {
        for (Series s : series.values()) s.sample();
    }

    /**
     * Called by the one sampler thread: each series' interval since the previous call. Trend
     * histograms in the result are valid until the next call.
     */
    public List<Aggregate> takeIntervals() {
        List<Aggregate> out = new ArrayList<>();
        for (Series s : series.values()) out.add(s.takeInterval());
        return out;
    }

    /** The totals of every series; samples first so that nothing recorded is missed. */
    public List<Aggregate> aggregates() {
        sample();
        List<Aggregate> out = new ArrayList<>();
        for (Series s : series.values()) out.add(s.aggregate());
        return out;
    }
}
