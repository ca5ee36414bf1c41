package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;


/**
 * {@code metrics.csv}: one row per metric x tag set x second that had samples (gauges every
 * second), appended and flushed as the run goes. Columns are documented in docs/outputs.md.
 */
public final class MetricsCsv implements IntervalListener, AutoCloseable {
    public static final List<String> HEADER = List.of("timestamp", "metric", "type", "tags", "count", "rate", "avg", "min",
            "p50", "p90", "p95", "p99", "max", "value");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CSVPrinter csv;
    /** Each tag set's JSON cell, written once: the same few sets come back every second (sampler thread only). */
    private final Map<Tags, String> tagsJson = new HashMap<>();

    public MetricsCsv(Writer out) throws IOException {
        csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        csv.printRecord(HEADER);
        csv.flush();
    }

    @Override
    public void onInterval(Interval interval) {
        try {
            long ts = interval.endMillis() / 1000;
            for (Aggregate a : interval.series()) {
                MetricType type = a.metric().type();
                if (a.count() == 0 && type != MetricType.GAUGE) continue;
                if (type == MetricType.GAUGE && Double.isNaN(a.last())) continue;
                String tags = tagsJson.get(a.tags());
                if (tags == null) tagsJson.put(a.tags(), tags = JSON.writeValueAsString(a.tags().asMap()));
                String count = Long.toString(a.count());
                switch (type) {
                    case COUNTER -> csv.printRecord(ts, a.metric().name(), type.label(), tags, count,
                            n(a.sum() / interval.seconds()), "", "", "", "", "", "", "", n(a.sum()));
                    case GAUGE -> csv.printRecord(ts, a.metric().name(), type.label(), tags, count, "", "", "", "", "", "", "", "", n(a.last()));
                    case RATE -> csv.printRecord(ts, a.metric().name(), type.label(), tags, count, n(a.rate()), "", "", "", "", "", "", "",
                            Long.toString(a.passes()));
                    case TREND -> csv.printRecord(ts, a.metric().name(), type.label(), tags, count, n(a.count() / interval.seconds()),
                            n(a.avg()), n(a.min()), n(a.percentile(50)), n(a.percentile(90)), n(a.percentile(95)),
                            n(a.percentile(99)), n(a.max()), "");
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
