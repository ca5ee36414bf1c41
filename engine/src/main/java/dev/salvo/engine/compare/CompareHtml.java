package dev.salvo.engine.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.report.HtmlReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code salvo compare --html FILE}: one self-contained page that overlays the baseline and the
 * current run per request (latency percentiles on the log axis, throughput, error rate), with the
 * comparison's table and its regressions marked.
 */
public final class CompareHtml {
    /** The percentiles summary.json keeps, with their x on the log axis (x = log10(1 / (1 - p))). */
    private static final List<String> LEVELS = List.of("med", "p(90)", "p(95)", "p(99)", "p(99.9)");
    private static final double[] X = {Math.log10(2), 1, Math.log10(20), 2, 3};

    private CompareHtml() {}

    public static void write(Comparison c, JsonNode baseline, JsonNode current, Writer out) throws IOException {
        HtmlReport.page(HtmlReport.resource(CompareHtml.class, "compare.html"), data(c, baseline, current), out);
    }

    static ObjectNode data(Comparison c, JsonNode baseline, JsonNode current) {
        ObjectNode root = CompareJson.tree(c);
        root.put("verdict", c.verdict());
        root.set("runs", Baselines.JSON.createArrayNode().add(run(baseline)).add(run(current)));
        for (JsonNode r : root.path("requests")) {
            ObjectNode o = (ObjectNode) r;
            o.set("baselineCurve", curve(baseline, o));
            o.set("currentCurve", curve(current, o));
        }
        return root;
    }

    private static ObjectNode run(JsonNode summary) {
        JsonNode run = summary.path("run");
        return Baselines.JSON.createObjectNode().put("script", summary.path("script").asText())
                .put("start", run.path("start").asText()).put("duration", run.path("durationSeconds").asDouble())
                .put("verdict", run.path("verdict").asText()).put("salvo", summary.path("salvo").asText());
    }

    /** [x, ms] at each percentile summary.json holds for this request. */
    private static ArrayNode curve(JsonNode summary, ObjectNode request) {
        ArrayNode out = Baselines.JSON.createArrayNode();
        for (JsonNode r : summary.path("requests")) {
            if (!r.path("method").asText("").equals(request.path("method").asText("")) || !r.path("name").asText().equals(request.path("name").asText())) continue;
            JsonNode d = r.path("duration");
            for (int i = 0; i < LEVELS.size(); i++) {
                if (d.has(LEVELS.get(i))) out.addArray().add(Math.round(X[i] * 1000) / 1000.0).add(d.path(LEVELS.get(i)).asDouble());
            }
        }
        return out;
    }
}
