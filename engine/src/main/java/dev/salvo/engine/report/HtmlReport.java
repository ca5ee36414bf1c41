package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.JsonNode;

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
    private static final String HEAD = "<!--PAGE_HEAD-->";
    private static final String SCRIPTS = "<!--PAGE_SCRIPTS-->";

    private HtmlReport() {}

    public static void write(Summary s, RunEnd end, String script, List<String> warnings, Timeline timeline, Writer out)
            throws IOException {
        page(resource(HtmlReport.class, TEMPLATE), ReportData.of(s, end, script, warnings, timeline), out);
    }

    /**
     * Writes {@code template} with its two markers filled: {@code <!--PAGE_HEAD-->} with the charset, the
     * error capture and the shared style; {@code <!--PAGE_SCRIPTS-->} with {@code data} as JSON, chart.js
     * and the shared helpers (report.html and {@code salvo compare --html}'s page).
     */
    public static void page(String template, JsonNode data, Writer out) throws IOException {
        String json = SummaryJson.COMPACT.writeValueAsString(data).replace("</", "<\\/");
        int h = template.indexOf(HEAD), s = template.indexOf(SCRIPTS);
        out.write(template, 0, h);
        out.write("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<script>");
        out.write(resource(HtmlReport.class, "page-errors.js"));
        out.write("</script>\n<style>\n");
        out.write(resource(HtmlReport.class, "page.css"));
        out.write("</style>");
        out.write(template, h + HEAD.length(), s - h - HEAD.length());
        out.write("<script type=\"application/json\" id=\"salvo-data\">");
        out.write(json);
        out.write("</script>\n<script>");
        out.write(resource(HtmlReport.class, CHART_JS).replace("</script", "<\\/script"));
        out.write("</script>\n<script>");
        out.write(resource(HtmlReport.class, "page-lib.js"));
        out.write("</script>");
        out.write(template.substring(s + SCRIPTS.length()));
    }

    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " (the chart.js WebJar must be on the class path)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
