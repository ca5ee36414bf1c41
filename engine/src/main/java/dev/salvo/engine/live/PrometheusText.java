package dev.salvo.engine.live;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Series;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * salvo's metrics in Prometheus's text exposition format (version 0.0.4), for {@code GET /metrics}:
 * a counter is {@code salvo_<name>_total}; a rate two counters, {@code salvo_<name>_total} (samples) and
 * {@code salvo_<name>_nonzero_total} (non-zero ones: failed requests, passed checks); a gauge
 * {@code salvo_<name>}; a trend a histogram, in seconds when it is a time ({@code salvo_http_req_duration_seconds}).
 * Tags are labels. The counts are the run's totals so far, the same numbers as summary.json's at the end.
 */
public final class PrometheusText {
    /** The histogram buckets of time trends, in seconds. */
    static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    /** The buckets of other trends (sizes, counts). */
    static final double[] VALUES = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    public static String render(List<Aggregate> totals) {
        Map<String, StringBuilder> families = new TreeMap<>();
        for (Aggregate a : totals) {
            String base = "salvo_" + name(a.metric().name());
            String labels = labels(a.tags().asMap());
            switch (a.metric().type()) {
                case COUNTER -> sample(family(families, base + "_total", "counter", a), base + "_total", labels, a.sum());
                case GAUGE -> sample(family(families, base, "gauge", a), base, labels, a.last());
                case RATE -> {
                    sample(family(families, base + "_total", "counter", a), base + "_total", labels, a.count());
                    sample(family(families, base + "_nonzero_total", "counter", a), base + "_nonzero_total", labels, a.passes());
                }
                case TREND -> histogram(families, a, base, labels);
            }
        }
        StringBuilder out = new StringBuilder();
        families.values().forEach(out::append);
        return out.toString();
    }

    private static void histogram(Map<String, StringBuilder> families, Aggregate a, String base, String labels) {
        boolean time = a.metric().time();
        String name = time ? base + "_seconds" : base;
        StringBuilder b = family(families, name, "histogram", a);
        double scale = time ? 1000 : 1; // a time trend holds milliseconds
        for (double le : time ? SECONDS : VALUES) {
            long upTo = a.histogram() == null || a.count() == 0 ? 0
                    : Math.min(a.count(), a.histogram().getCountBetweenValues(0, (long) Math.floor(le * scale * Series.SCALE)));
            sample(b, name + "_bucket", with(labels, "le", format(le)), upTo);
        }
        sample(b, name + "_bucket", with(labels, "le", "+Inf"), a.count());
        sample(b, name + "_sum", labels, a.sum() / scale);
        sample(b, name + "_count", labels, a.count());
    }

    private static StringBuilder family(Map<String, StringBuilder> families, String name, String type, Aggregate a) {
        return families.computeIfAbsent(name, n -> new StringBuilder()
                .append("# HELP ").append(n).append(" salvo's ").append(a.metric().name()).append(" (")
                .append(a.metric().type().label()).append(")\n")
                .append("# TYPE ").append(n).append(' ').append(type).append('\n'));
    }

    private static void sample(StringBuilder b, String name, String labels, double value) {
        b.append(name).append(labels).append(' ').append(format(value)).append('\n');
    }

    private static String labels(Map<String, String> tags) {
        if (tags.isEmpty()) return "";
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(tags).forEach((k, v) -> {
            if (b.length() > 1) b.append(',');
            b.append(name(k)).append("=\"").append(escape(v)).append('"');
        });
        return b.append('}').toString();
    }

    private static String with(String labels, String key, String value) {
        String pair = key + "=\"" + value + "\"";
        return labels.isEmpty() ? "{" + pair + "}" : labels.substring(0, labels.length() - 1) + "," + pair + "}";
    }

    /** A metric or label name: letters, digits and underscores, not starting with a digit. */
    static String name(String raw) {
        String s = raw.replaceAll("[^a-zA-Z0-9_]", "_");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }
}
