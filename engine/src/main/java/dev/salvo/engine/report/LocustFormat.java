package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import org.apache.commons.csv.CSVFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Locust 2.12's CSV columns and number formats, shared by the four Locust-compatible files. */
final class LocustFormat {
    static final double[] PERCENTILES = {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};
    static final List<String> PERCENTILE_COLUMNS = List.of("50%", "66%", "75%", "80%", "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%");
    static final List<String> STATS = concat(List.of("Type", "Name", "Request Count", "Failure Count", "Median Response Time",
            "Average Response Time", "Min Response Time", "Max Response Time", "Average Content Size", "Requests/s", "Failures/s"),
            PERCENTILE_COLUMNS);
    static final List<String> HISTORY = concat(concat(List.of("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"),
            PERCENTILE_COLUMNS), List.of("Total Request Count", "Total Failure Count", "Total Median Response Time",
            "Total Average Response Time", "Total Min Response Time", "Total Max Response Time", "Total Average Content Size"));
    static final List<String> FAILURES = List.of("Method", "Name", "Error", "Occurrences");
    static final List<String> EXCEPTIONS = List.of("Count", "Message", "Traceback", "Nodes");
    /** Python's csv module: minimal quoting, CRLF line ends. */
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    static final String AGGREGATED = "Aggregated";

    private LocustFormat() {}

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** A float the way Python's {@code str(float)} prints it (no exponent for ordinary values). */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "0.0";
        String s = Double.toString(v);
        if (s.indexOf('E') < 0) return s;
        String plain = BigDecimal.valueOf(v).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Whole milliseconds, as Locust's percentile columns are. */
    static String wholeMs(double ms) {
        return Long.toString(Math.round(ms));
    }

    /** The eleven percentile cells of a latency distribution; N/A without data, as Locust writes. */
    static List<String> percentiles(Aggregate duration) {
        List<String> out = new ArrayList<>();
        for (double p : PERCENTILES) {
            out.add(duration == null || duration.count() == 0 ? "N/A" : wholeMs(p == 100 ? duration.max() : duration.percentile(p)));
        }
        return out;
    }
}
