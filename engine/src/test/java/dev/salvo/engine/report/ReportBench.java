package dev.salvo.engine.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bench/report-size.sh: writes the report.html of a long {@link SyntheticRun} (60 recorded seconds
 * replayed for the given duration) and prints its size. Usage: ReportBench SECONDS FILE.
 */
public final class ReportBench {
    private ReportBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Path html = Path.of(args[1]);
        long t0 = System.nanoTime();
        new SyntheticRun(60).writeReport(seconds, html);
        System.out.printf("report.html of %d s (%.1f h): %,d bytes, written in %.1f s%n", seconds, seconds / 3600.0,
                Files.size(html), (System.nanoTime() - t0) / 1e9);
    }
}
