package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code latency.hlog}: HdrHistogram's interval log, written by the library's own
 * {@link HistogramLogWriter} as the run goes. Each trend series (metric x tag set) gets a tag
 * {@code metric.N}, declared once in a {@code #tag} comment with its tags as JSON. Values are the
 * trend's value x 1000 (microseconds for times). The per-phase HTTP timings are left out: they
 * would multiply the file by seven and are in metrics.csv.
 */
public final class LatencyHlog implements IntervalListener, AutoCloseable {
    private static final Set<String> LEFT_OUT = Set.of("http_req_blocked", "http_req_connecting", "http_req_tls_handshaking",
            "http_req_sending", "http_req_waiting", "http_req_receiving");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Map<String, Map<Tags, String>> tags = new HashMap<>();
    private final long baseMillis;

    public LatencyHlog(OutputStream file, long startMillis) {
        this.out = new PrintStream(file, false, StandardCharsets.UTF_8);
        this.baseMillis = startMillis;
        writer = new HistogramLogWriter(out);
        writer.outputComment("salvo latency log: values are the metric's value x 1000 (microseconds for times)");
        writer.outputLogFormatVersion();
        writer.setBaseTime(startMillis);
        writer.outputStartTime(startMillis);
        writer.outputBaseTime(startMillis);
        writer.outputLegend();
        out.flush();
    }

    @Override
    public void onInterval(Interval interval) {
        for (Aggregate a : interval.series()) {
            if (a.metric().type() != MetricType.TREND || a.count() == 0 || LEFT_OUT.contains(a.metric().name())) continue;
            Histogram h = a.histogram();
            h.setTag(tag(a));
            h.setStartTimeStamp(Math.max(interval.startMillis(), baseMillis));
            h.setEndTimeStamp(interval.endMillis());
            writer.outputIntervalHistogram(h);
        }
        out.flush();
        if (out.checkError()) throw new UncheckedIOException(new IOException("writing latency.hlog failed"));
    }

    private String tag(Aggregate a) {
        Map<Tags, String> byTags = tags.computeIfAbsent(a.metric().name(), k -> new HashMap<>());
        String tag = byTags.get(a.tags());
        if (tag != null) return tag;
        tag = a.metric().name() + "." + byTags.size();
        byTags.put(a.tags(), tag);
        try {
            writer.outputComment("tag " + tag + " " + JSON.writeValueAsString(a.tags().asMap()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tag;
    }

    @Override
    public void close() {
        out.close();
    }
}
