package dev.salvo.engine.report;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.UncheckedIOException;


/**
 * Locust's {@code exceptions.csv}: script exceptions thrown by iterations, most frequent first.
 * {@code Traceback} is the script frame the error was thrown from; {@code Nodes} is {@code local}.
 */
public final class ExceptionsCsv {
    /** Iteration errors read {@code message (at file.js:12:5)}. */
    private static final Pattern AT = Pattern.compile("^(.*) \\((at [^()]+)\\)$", Pattern.DOTALL);

    private ExceptionsCsv() {}

    public static void write(Summary s, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, LocustFormat.CSV);
        csv.printRecord(LocustFormat.EXCEPTIONS);
        s.result().iterationErrors().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> {
                    Matcher m = AT.matcher(e.getKey());
                    try {
                        if (m.matches()) csv.printRecord(e.getValue(), m.group(1), m.group(2), "local");
                        else csv.printRecord(e.getValue(), e.getKey(), "", "local");
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                });
        csv.flush();
    }
}
