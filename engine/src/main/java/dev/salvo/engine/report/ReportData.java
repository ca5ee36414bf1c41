package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.Version;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.thresholds.Verdict;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/**
 * The data of report.html as one JSON tree: the run's header, thresholds, requests with their
 * timing phases and latency shape, checks, errors, every metric's totals, generator health, and the
 * run over time ({@link TimelineJson}). The page's script only draws it.
 */
final class ReportData {
    /** The phases of a request, in the order they happen, as k6 names them. */
    static final List<Metric> PHASES = List.of(HTTP_REQ_BLOCKED, HTTP_REQ_CONNECTING, HTTP_REQ_TLS_HANDSHAKING,
            HTTP_REQ_SENDING, HTTP_REQ_WAITING, HTTP_REQ_RECEIVING);
    /** "TypeError: x (at script.js:12:5)": the message and where it was thrown. */
    private static final Pattern AT = Pattern.compile("^(.*?)\\s*\\(at ([^()]+:\\d+(?::\\d+)?)\\)\\s*$", Pattern.DOTALL);

    private ReportData() {}

    static ObjectNode of(Summary s, RunEnd end, String script, List<String> warnings, Timeline timeline) {
        ObjectNode root = SummaryJson.JSON.createObjectNode();
        root.set("meta", meta(s, end, script));
        root.set("scenarios", SummaryJson.planTree(s.result().plan()).get("scenarios"));
        Map<String, Double> firstFailed = timeline.firstFailures();
        ArrayNode th = root.putArray("thresholds");
        for (Verdict v : s.thresholds()) {
            ObjectNode o = th.addObject().put("label", v.threshold().label()).put("passed", v.passed())
                    .put("observed", Double.isNaN(v.observed()) ? "no data"
                            : v.threshold().condition().aggregationLabel() + "=" + Human.num(v.observed()));
            Double at = firstFailed.get(v.threshold().label());
            if (at != null) o.put("firstFailed", at);
        }
        root.set("requests", requests(s));
        root.set("latency", LatencyShape.of(s));
        ArrayNode ch = root.putArray("checks");
        for (Summary.CheckRow c : s.checks()) {
            ch.addObject().put("group", c.group()).put("name", c.name()).put("passes", c.passes()).put("fails", c.fails());
        }
        ArrayNode errs = root.putArray("httpErrors");
        for (Summary.ErrorRow e : s.httpErrors()) {
            errs.addObject().put("name", e.name()).put("method", e.method()).put("status", e.status())
                    .put("code", e.errorCode()).put("error", FailuresCsv.describe(e)).put("count", e.count());
        }
        ArrayNode iterationErrors = root.putArray("iterationErrors");
        s.result().iterationErrors().forEach((m, n) -> {
            Matcher at = AT.matcher(m);
            boolean located = at.matches();
            iterationErrors.addObject().put("error", located ? at.group(1) : m).put("at", located ? at.group(2) : "")
                    .put("count", n);
        });
        root.set("metrics", metrics(s));
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(w::add);
        root.set("timeline", TimelineJson.of(timeline, s));
        return root;
    }

    private static ObjectNode meta(Summary s, RunEnd end, String script) {
        ObjectNode m = SummaryJson.JSON.createObjectNode().put("script", script)
                .put("start", s.result().start().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("duration", Math.round(s.seconds() * 10) / 10.0).put("ended", end.ended()).put("reason", end.reason())
                .put("exitCode", end.exitCode()).put("passed", end.passed()).put("verdict", end.verdict())
                .put("version", Version.get())
                .put("java", System.getProperty("java.vm.name", "Java") + " " + Runtime.version());
        String js = s.result().aggregates().stream().filter(a -> a.metric().equals(SALVO_JS_RUNTIME))
                .map(a -> a.tags().get("runtime")).findFirst().orElse(null);
        if (js != null) m.put("js", js + GeneratorSection.jit(s));
        Aggregate data = s.metric(DATA_SENT.name());
        m.put("dataSent", data == null ? 0 : data.sum());
        data = s.metric(DATA_RECEIVED.name());
        m.put("dataReceived", data == null ? 0 : data.sum());
        return m;
    }

    /** Per request: counts, latency percentiles and, for HTTP, the average and p95 of each timing phase. */
    private static ArrayNode requests(Summary s) {
        Map<RequestKey, Map<String, Aggregate>> phases = new TreeMap<>(java.util.Comparator.comparing(RequestKey::toString));
        for (Aggregate a : s.result().aggregates()) {
            if (!PHASES.contains(a.metric())) continue;
            phases.computeIfAbsent(RequestKey.of(a), k -> new TreeMap<>()).merge(a.metric().name(), a, Aggregate::merge);
        }
        ArrayNode out = SummaryJson.JSON.createArrayNode();
        for (Summary.RequestRow r : s.requests()) {
            Aggregate a = r.duration();
            ObjectNode o = out.addObject().put("name", r.name()).put("method", r.method())
                    .put("series", Timeline.label(r.method(), r.name())).put("count", r.count())
                    .put("failures", r.failures()).put("rps", r.count() / s.seconds()).put("avg", a.avg()).put("min", a.min())
                    .put("p50", a.percentile(50)).put("p90", a.percentile(90)).put("p95", a.percentile(95))
                    .put("p99", a.percentile(99)).put("max", a.max());
            Map<String, Aggregate> p = phases.get(new RequestKey(r.method(), r.name()));
            if (p == null) continue;
            ObjectNode ph = o.putObject("phases");
            for (Metric m : PHASES) {
                Aggregate x = p.get(m.name());
                if (x != null) ph.putObject(m.name().substring("http_req_".length())).put("avg", x.avg()).put("p95", x.percentile(95));
            }
        }
        return out;
    }

    /** Every metric but the per-request ones: its type, kind (custom, websocket, generator, built-in) and k6's values. */
    private static ArrayNode metrics(Summary s) {
        ArrayNode out = SummaryJson.JSON.createArrayNode();
        List<String> builtin = new ArrayList<>();
        ALL.forEach(m -> builtin.add(m.name()));
        s.metrics().forEach((name, a) -> {
            String kind = name.startsWith("ws_") ? "websocket" : name.startsWith("salvo_") ? "generator"
                    : builtin.contains(name) ? "builtin" : "custom";
            ObjectNode o = out.addObject().put("name", name).put("type", a.metric().type().label()).put("kind", kind)
                    .put("time", a.metric().time());
            o.set("values", SummaryJson.values(a, s.seconds()));
        });
        return out;
    }
}
