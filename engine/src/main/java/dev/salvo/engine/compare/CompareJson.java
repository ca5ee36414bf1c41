package dev.salvo.engine.compare;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;


/** The comparison as JSON, schema {@value #SCHEMA} (docs/ci.md lists the fields). */
public final class CompareJson {
    public static final String SCHEMA = "salvo.compare/1";

    private CompareJson() {}

    public static String render(Comparison c) {
        try {
            return Baselines.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(c)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode tree(Comparison c) {
        ObjectNode root = Baselines.JSON.createObjectNode();
        root.put("schema", SCHEMA).put("baseline", c.baseline()).put("current", c.current())
                .put("maxRegression", c.options().maxRegression()).put("minSamples", c.options().minSamples())
                .put("regression", c.failed());
        ArrayNode requests = root.putArray("requests");
        for (RequestComparison r : c.requests()) {
            ObjectNode o = requests.addObject().put("method", r.method()).put("name", r.name())
                    .put("baselineCount", r.baselineCount()).put("currentCount", r.currentCount())
                    .put("smallSample", r.smallSample()).put("regression", r.regressed());
            ObjectNode measures = o.putObject("measures");
            for (MetricChange m : r.changes()) {
                ObjectNode v = measures.putObject(m.measure().label.replace(' ', '_'));
                v.put("baseline", m.baseline()).put("current", m.current());
                if (Double.isNaN(m.change())) v.putNull("change");
                else v.put("change", m.change());
                v.put("status", m.status().name().toLowerCase(Locale.ROOT));
            }
        }
        c.added().forEach(root.putArray("added")::add);
        c.removed().forEach(root.putArray("removed")::add);
        return root;
    }
}
