package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Comparator;


/**
 * Locust's {@code stats_history.csv}, appended and flushed every second so a killed run keeps
 * its history: the {@code Aggregated} row, and with full history one row per request too.
 * Current columns cover the last second (Locust: a 10 s window); {@code Total} columns the run so far.
 */
public final class StatsHistoryCsv implements IntervalListener, AutoCloseable {
    private static final Comparator<RequestKey> ORDER =
            Comparator.comparing(RequestKey::name).thenComparing(RequestKey::method);
    private final CSVPrinter csv;
    private final boolean fullHistory;
    private final Map<RequestKey, RequestStats> current = new TreeMap<>(ORDER);
    private final Map<RequestKey, RequestStats> total = new TreeMap<>(ORDER);
    private final RequestStats currentAll = new RequestStats();
    private final RequestStats totalAll = new RequestStats();
    private double bytesReceived;
    private long vus;

    public StatsHistoryCsv(Writer out, boolean fullHistory) throws IOException {
        this.csv = new CSVPrinter(out, LocustFormat.CSV);
        this.fullHistory = fullHistory;
        csv.printRecord(LocustFormat.HISTORY);
        csv.flush();
    }

    private void failed(RequestKey k, long n) {
        if (n == 0) return;
        current.computeIfAbsent(k, x -> new RequestStats()).failures += n;
        total.computeIfAbsent(k, x -> new RequestStats()).failures += n;
        currentAll.failures += n;
        totalAll.failures += n;
    }

    private long lastTimestamp = Long.MIN_VALUE / 2;

    @Override
    public void onInterval(Interval interval) {
        current.values().forEach(RequestStats::reset);
        currentAll.reset();
        for (Aggregate a : interval.series()) {
            switch (a.metric().name()) {
                case "http_req_duration", "ws_connecting" -> {
                    if (a.count() == 0) continue;
                    RequestKey k = RequestKey.of(a);
                    current.computeIfAbsent(k, x -> new RequestStats()).add(a);
                    total.computeIfAbsent(k, x -> new RequestStats()).add(a);
                    currentAll.add(a);
                    totalAll.add(a);
                }
                case "http_req_failed" -> failed(RequestKey.of(a), a.passes());
                case "ws_errors" -> failed(RequestKey.of(a), (long) a.sum());
                case "data_received" -> bytesReceived += a.sum();
                case "vus" -> vus = (long) a.last();
                default -> { }
            }
        }
        try {
            // The second the interval ended in, rounded up; a short last interval that ends in the same
            // second as the one before it gets the next, so no timestamp repeats.
            long ts = Math.max((interval.endMillis() + 999) / 1000, lastTimestamp + 1);
            lastTimestamp = ts;
            if (fullHistory) {
                for (Map.Entry<RequestKey, RequestStats> e : total.entrySet()) {
                    row(ts, e.getKey().method(), e.getKey().name(), current.get(e.getKey()), e.getValue(), 0, interval.seconds());
                }
            }
            double size = totalAll.count() == 0 ? 0 : bytesReceived / totalAll.count();
            row(ts, "", LocustFormat.AGGREGATED, currentAll, totalAll, size, interval.seconds());
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(long ts, String type, String name, RequestStats cur, RequestStats tot, double size, double seconds) throws IOException {
        List<String> r = new ArrayList<>(List.of(Long.toString(ts), Long.toString(vus), type, name,
                LocustFormat.num(cur == null ? 0 : cur.count() / seconds), LocustFormat.num(cur == null ? 0 : cur.failures / seconds)));
        for (double p : LocustFormat.PERCENTILES) {
            r.add(cur == null || cur.count() == 0 ? "N/A" : LocustFormat.wholeMs(p == 100 ? cur.max() : cur.percentile(p)));
        }
        r.add(Long.toString(tot.count()));
        r.add(Long.toString(tot.failures));
        r.add(tot.count() == 0 ? "0" : LocustFormat.wholeMs(tot.percentile(50)));
        r.add(LocustFormat.num(tot.avg()));
        r.add(LocustFormat.num(tot.min()));
        r.add(LocustFormat.num(tot.max()));
        r.add(LocustFormat.num(size));
        csv.printRecord(r);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
