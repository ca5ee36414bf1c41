package dev.salvo.engine.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data from CSV files (Commons CSV): rows as maps by header name, or as lists of strings. */
public final class CsvFiles {
    private CsvFiles() {}

    /** @throws IOException naming the file for a read error or malformed CSV */
    public static List<Object> read(Path file, boolean header, char delimiter) throws IOException {
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true);
        if (header) format.setHeader().setSkipHeaderRecord(true);
        List<Object> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.build().parse(in)) {
            for (CSVRecord r : parser) {
                if (!header) {
                    rows.add(r.toList());
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String name : parser.getHeaderNames()) row.put(name, r.isMapped(name) && r.isSet(name) ? r.get(name) : null);
                rows.add(row);
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": malformed CSV: " + e.getMessage());
        }
        return rows;
    }
}
