package dev.salvo.engine.report;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code report.html}: one self-contained page. Chart.js is read from its WebJar and inlined, the
 * data is embedded as JSON, so the page needs no network when it is opened, days later.
 */
public final class HtmlReport {
    static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final String TEMPLATE = "report.html";

    private HtmlReport() {}

    public static void write(Summary s, RunEnd end, String script, List<String> warnings, Timeline timeline, Writer out)
            throws IOException {
        String page = resource(HtmlReport.class, TEMPLATE);
        String data = SummaryJson.COMPACT.writeValueAsString(ReportData.of(s, end, script, warnings, timeline)).replace("</", "<\\/");
        String chart = resource(HtmlReport.class, CHART_JS).replace("</script", "<\\/script");
        int d = page.indexOf("/*SALVO_DATA*/");
        int c = page.indexOf("/*CHART_JS*/");
        out.write(page, 0, d);
        out.write(data);
        out.write(page, d + "/*SALVO_DATA*/".length(), c - d - "/*SALVO_DATA*/".length());
        out.write(chart);
        out.write(page.substring(c + "/*CHART_JS*/".length()));
    }

    static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " (the chart.js WebJar must be on the class path)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
