package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Locust's {@code stats.csv}: one row per request method and name, then the {@code Aggregated}
 * row. Times in ms (floats; percentile columns whole ms), rates per second of the whole run.
 */
public final class StatsCsv {
    private StatsCsv() {}

    public static void write(Summary s, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, LocustFormat.CSV);
        csv.printRecord(LocustFormat.STATS);
        Aggregate all = null;
        long count = 0, failures = 0;
        for (Summary.RequestRow r : s.requests()) {
            csv.printRecord(row(r.method(), r.name(), r.count(), r.failures(), r.duration(), 0, s.seconds()));
            all = all == null ? r.duration() : all.merge(r.duration());
            count += r.count();
            failures += r.failures();
        }
        List<String> aggregated = row("", LocustFormat.AGGREGATED, count, failures, all, contentSize(s, count), s.seconds());
        aggregated.set(0, null); // Commons CSV quotes an empty first field; Python's csv (Locust) writes nothing
        csv.printRecord(aggregated);
        csv.flush();
    }

    /** Bytes received per request over the run (Locust counts the body only; salvo counts the wire). */
    static double contentSize(Summary s, long requests) {
        Aggregate received = s.metric("data_received");
        return requests == 0 || received == null ? 0 : received.sum() / requests;
    }

    static List<String> row(String type, String name, long count, long failures, Aggregate d, double contentSize, double seconds) {
        boolean empty = d == null || d.count() == 0;
        List<String> row = new ArrayList<>(List.of(type, name, Long.toString(count), Long.toString(failures),
                empty ? "0" : LocustFormat.wholeMs(d.percentile(50)),
                LocustFormat.num(empty ? 0 : d.avg()), LocustFormat.num(empty ? 0 : d.min()), LocustFormat.num(empty ? 0 : d.max()),
                LocustFormat.num(contentSize), LocustFormat.num(count / seconds), LocustFormat.num(failures / seconds)));
        row.addAll(LocustFormat.percentiles(d));
        return row;
    }
}
