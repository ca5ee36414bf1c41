package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.Version;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.thresholds.Verdict;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

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

    public static void write(Summary s, RunEnd end, String script, List<Timeline.Point> timeline, Writer out) throws IOException {
        String page = resource(HtmlReport.class, TEMPLATE);
        String data = SummaryJson.JSON.writer().writeValueAsString(data(s, end, script, timeline)).replace("</", "<\\/");
        String chart = resource(HtmlReport.class, CHART_JS).replace("</script", "<\\/script");
        int d = page.indexOf("/*SALVO_DATA*/");
        int c = page.indexOf("/*CHART_JS*/");
        out.write(page, 0, d);
        out.write(data);
        out.write(page, d + "/*SALVO_DATA*/".length(), c - d - "/*SALVO_DATA*/".length());
        out.write(chart);
        out.write(page.substring(c + "/*CHART_JS*/".length()));
    }

    static ObjectNode data(Summary s, RunEnd end, String script, List<Timeline.Point> timeline) {
        ObjectNode root = SummaryJson.JSON.createObjectNode();
        root.putObject("meta").put("script", script).put("start", s.result().start().toString())
                .put("duration", Math.round(s.seconds() * 10) / 10.0).put("ended", end.ended()).put("reason", end.reason())
                .put("exitCode", end.exitCode()).put("passed", end.passed()).put("verdict", end.verdict())
                .put("version", Version.get());
        ObjectNode t = root.putObject("timeline");
        ArrayNode ts = t.putArray("t"), vus = t.putArray("vus"), rps = t.putArray("rps"), failed = t.putArray("failed"),
                checks = t.putArray("checksFailed"), p50 = t.putArray("p50"), p90 = t.putArray("p90"), p99 = t.putArray("p99"),
                max = t.putArray("max");
        long t0 = s.result().start().toEpochMilli();
        for (Timeline.Point p : timeline) {
            ts.add(Math.max(0, Math.round((p.epochMillis() - t0) / 1000.0)));
            vus.add(p.vus());
            rps.add(r2(p.rps()));
            failed.add(r2(p.failedPerSecond()));
            checks.add(r2(p.checksFailedPerSecond()));
            add(p50, p.p50());
            add(p90, p.p90());
            add(p99, p.p99());
            add(max, p.max());
        }
        ArrayNode requests = root.putArray("requests");
        for (Summary.RequestRow r : s.requests()) {
            Aggregate a = r.duration();
            requests.addObject().put("name", r.name()).put("method", r.method()).put("count", r.count())
                    .put("failures", r.failures()).put("rps", r.count() / s.seconds()).put("avg", a.avg())
                    .put("p50", a.percentile(50)).put("p90", a.percentile(90)).put("p95", a.percentile(95))
                    .put("p99", a.percentile(99)).put("max", a.max());
        }
        ArrayNode dist = root.putArray("distribution");
        Aggregate all = s.metric("http_req_duration");
        if (all != null && all.histogram() != null && all.count() > 0) {
            Histogram h = all.histogram();
            for (HistogramIterationValue v : h.percentiles(2)) {
                double pct = v.getPercentileLevelIteratedTo();
                dist.addObject().put("percentile", Math.round(pct * 1000) / 1000.0)
                        .put("value", r2(h.highestEquivalentValue(v.getValueIteratedTo()) / Series.SCALE));
                if (pct >= 100 || dist.size() >= 200) break;
            }
        }
        ArrayNode th = root.putArray("thresholds");
        for (Verdict v : s.thresholds()) {
            th.addObject().put("label", v.threshold().label()).put("passed", v.passed())
                    .put("observed", Double.isNaN(v.observed()) ? "no data"
                            : v.threshold().condition().aggregationLabel() + "=" + Human.num(v.observed()));
        }
        ArrayNode ch = root.putArray("checks");
        for (Summary.CheckRow c : s.checks()) {
            ch.addObject().put("group", c.group()).put("name", c.name()).put("passes", c.passes()).put("fails", c.fails());
        }
        ArrayNode iterationErrors = root.putArray("iterationErrors");
        s.result().iterationErrors().forEach((m, n) -> iterationErrors.addObject().put("error", m).put("count", n));
        ArrayNode errs = root.putArray("httpErrors");
        for (Summary.ErrorRow e : s.httpErrors()) {
            errs.addObject().put("name", e.name()).put("method", e.method()).put("error", FailuresCsv.describe(e)).put("count", e.count());
        }
        return root;
    }

    private static void add(ArrayNode a, double v) {
        if (Double.isNaN(v)) a.addNull();
        else a.add(r2(v));
    }

    private static double r2(double v) {
        return Math.round(v * 100) / 100.0;
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
