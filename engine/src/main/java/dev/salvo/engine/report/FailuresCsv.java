package dev.salvo.engine.report;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;

/** Locust's {@code failures.csv}: failed requests by method, name and error, most frequent first. */
public final class FailuresCsv {
    private FailuresCsv() {}

    public static void write(Summary s, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, LocustFormat.CSV);
        csv.printRecord(LocustFormat.FAILURES);
        for (Summary.ErrorRow e : s.httpErrors()) {
            csv.printRecord(nonNull(e.method()), nonNull(e.name()), describe(e), e.count());
        }
        csv.flush();
    }

    /** {@code HTTP 503} for a status, {@code error 1212: connection refused} for a transport error. */
    public static String describe(Summary.ErrorRow e) {
        if (e.errorCode() != null) return "error " + e.errorCode() + ": " + ErrorCodes.describe(e.errorCode());
        return "HTTP " + e.status();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
