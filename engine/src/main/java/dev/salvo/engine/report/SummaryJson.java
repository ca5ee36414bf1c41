package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.Version;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.thresholds.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}, schema {@value #SCHEMA} (documented field by field in docs/outputs.md):
 * the plan, the run's start, end and outcome, every metric's aggregates in total and per tag set,
 * the per-request rows, thresholds with verdict and observed value, checks and errors.
 */
public final class SummaryJson {
    public static final String SCHEMA = "salvo.summary/1";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The same without indentation, for data embedded in a page. */
    static final com.fasterxml.jackson.databind.ObjectWriter COMPACT = JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    public static void write(Summary s, RunEnd end, String script, List<String> warnings, Writer out) throws IOException {
        JSON.writeValue(out, tree(s, end, script, warnings));
    }

    public static ObjectNode tree(Summary s, RunEnd end, String script, List<String> warnings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("salvo", Version.get());
        root.put("script", script);
        ObjectNode run = root.putObject("run");
        run.put("start", s.result().start().toString());
        run.put("end", s.result().start().plus(s.result().elapsed()).toString());
        run.put("durationSeconds", s.seconds());
        run.put("ended", end.ended());
        if (end.reason() != null) run.put("reason", end.reason());
        run.put("exitCode", end.exitCode());
        run.put("passed", end.passed());
        run.put("verdict", end.verdict());
        long iterations = s.metric("iterations") == null ? 0 : (long) s.metric("iterations").sum();
        run.put("iterationsCompleted", iterations);
        run.put("iterationsInterrupted", s.result().interruptedIterations());
        plan(root.putObject("plan"), s.result().plan());
        thresholds(root.putArray("thresholds"), s.thresholds());
        ArrayNode checks = root.putArray("checks");
        for (Summary.CheckRow c : s.checks()) {
            checks.addObject().put("group", c.group()).put("name", c.name()).put("passes", c.passes()).put("fails", c.fails());
        }
        ArrayNode requests = root.putArray("requests");
        for (Summary.RequestRow r : s.requests()) {
            ObjectNode o = requests.addObject().put("name", r.name()).put("method", r.method())
                    .put("count", r.count()).put("failures", r.failures()).put("rps", r.count() / s.seconds());
            o.set("duration", values(r.duration(), s.seconds()));
        }
        ArrayNode httpErrors = root.putArray("httpErrors");
        for (Summary.ErrorRow e : s.httpErrors()) {
            ObjectNode o = httpErrors.addObject().put("name", e.name()).put("method", e.method()).put("status", e.status());
            if (e.errorCode() != null) o.put("errorCode", e.errorCode());
            o.put("error", FailuresCsv.describe(e)).put("count", e.count());
        }
        ArrayNode iterationErrors = root.putArray("iterationErrors");
        s.result().iterationErrors().forEach((m, n) -> iterationErrors.addObject().put("message", m).put("count", n));
        metrics(root.putObject("metrics"), s);
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(w::add);
        return root;
    }

    /** The {@code plan} object of summary.json for {@code p}. */
    public static ObjectNode planTree(Plan p) {
        ObjectNode node = JSON.createObjectNode();
        plan(node, p);
        return node;
    }

    private static void plan(ObjectNode plan, Plan p) {
        ArrayNode scenarios = plan.putArray("scenarios");
        for (Scenario sc : p.scenarios()) {
            ObjectNode o = scenarios.addObject().put("name", sc.name()).put("executor", sc.executor().type())
                    .put("startTime", sc.startTime().toMillis() / 1000.0).put("exec", sc.exec())
                    .put("maxVus", sc.executor().maxVus()).put("maxRunTimeSeconds", sc.executor().maxRunTime().toMillis() / 1000.0);
            o.set("parameters", JSON.valueToTree(stringKeys(sc.executor().parameters())));
            o.set("tags", JSON.valueToTree(sc.tags()));
        }
        ObjectNode options = plan.putObject("options");
        options.put("isolation", String.valueOf(p.isolation()).toLowerCase(java.util.Locale.ROOT));
        options.put("discardResponseBodies", p.discardResponseBodies());
        options.put("userAgent", p.userAgent());
        options.put("noCookiesReset", p.client().noCookiesReset());
        options.put("batch", p.client().batch());
        options.put("batchPerHost", p.client().batchPerHost());
        options.put("maxResponseBodySize", p.client().maxResponseBodySize());
        options.set("tags", JSON.valueToTree(p.tags()));
        options.set("thresholds", p.thresholds());
        plan.put("maxVus", p.maxVus());
        plan.put("maxDurationSeconds", p.maxDuration().toMillis() / 1000.0);
    }

    private static Map<String, String> stringKeys(Map<String, Object> params) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static void thresholds(ArrayNode out, List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            ObjectNode o = out.addObject();
            o.put("metric", v.threshold().selector().text());
            o.put("condition", v.threshold().condition().text().strip());
            o.put("aggregation", v.threshold().condition().aggregationLabel());
            o.put("passed", v.passed());
            if (Double.isNaN(v.observed())) o.putNull("observed");
            else o.put("observed", v.observed());
            o.put("noData", v.noData());
            o.put("abortOnFail", v.threshold().abortOnFail());
            o.put("description", v.describe());
        }
    }

    private static void metrics(ObjectNode out, Summary s) {
        for (Map.Entry<String, Aggregate> e : s.metrics().entrySet()) {
            Aggregate total = e.getValue();
            ObjectNode m = out.putObject(e.getKey());
            m.put("type", total.metric().type().label());
            if (total.metric().time()) m.put("unit", "ms");
            m.set("values", values(total, s.seconds()));
            ArrayNode series = m.putArray("series");
            s.result().aggregates().stream().filter(a -> a.metric().name().equals(e.getKey()))
                    .sorted(Comparator.comparing(a -> a.tags().toString()))
                    .forEach(a -> {
                        ObjectNode o = series.addObject();
                        o.set("tags", JSON.valueToTree(a.tags().asMap()));
                        o.set("values", values(a, s.seconds()));
                    });
        }
    }

    /** k6's names: Trend avg/min/med/max/p(90)/p(95)/p(99)/p(99.9); Rate rate/passes/fails; Counter count/rate; Gauge value/min/max, and first. */
    static ObjectNode values(Aggregate a, double seconds) {
        ObjectNode v = JSON.createObjectNode();
        switch (a.metric().type()) {
            case TREND -> v.put("count", a.count()).put("avg", a.avg()).put("min", a.min()).put("med", a.percentile(50))
                    .put("max", a.max()).put("p(90)", a.percentile(90)).put("p(95)", a.percentile(95))
                    .put("p(99)", a.percentile(99)).put("p(99.9)", a.percentile(99.9));
            case RATE -> v.put("rate", a.rate()).put("passes", a.passes()).put("fails", a.count() - a.passes());
            case COUNTER -> v.put("count", a.sum()).put("rate", a.sum() / seconds);
            case GAUGE -> v.put("value", nan(a.last())).put("min", nan(a.min())).put("max", nan(a.max())).put("first", nan(a.first()));
        }
        return v;
    }

    private static double nan(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
