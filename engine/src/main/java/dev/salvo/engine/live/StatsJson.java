package dev.salvo.engine.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.Summary;

import java.util.List;

/** The parts of {@code GET /api/stats} a single run and a fleet answer alike (docs/web.md). */
public final class StatsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatsJson() {}

    /** The end of a run that still goes on, for summary.json's shape. */
    public static RunEnd running() {
        return new RunEnd(0, "running", null, "RUNNING");
    }

    /** {@code history}: the chart points after {@code since} (epoch ms). */
    public static void points(ObjectNode root, List<LiveStats.Point> history, long since) {
        ArrayNode points = root.putArray("history");
        for (LiveStats.Point p : history) {
            if (p.epochMillis() <= since) continue;
            ObjectNode o = points.addObject().put("t", p.epochMillis()).put("vus", p.vus()).put("rps", p.rps()).put("fps", p.failuresPerSecond());
            number(o, "p50", p.p50());
            number(o, "p95", p.p95());
            number(o, "p99", p.p99());
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) o.putNull(key);
        else o.put(key, v);
    }

    /** {@code aggregated}: the stats.csv Aggregated row's numbers, every request row together. */
    public static ObjectNode aggregated(Summary s) {
        Aggregate all = null;
        long count = 0;
        long failures = 0;
        for (Summary.RequestRow r : s.requests()) {
            all = all == null ? r.duration() : all.merge(r.duration());
            count += r.count();
            failures += r.failures();
        }
        ObjectNode o = JSON.createObjectNode().put("count", count).put("failures", failures).put("rps", count / s.seconds())
                .put("failuresPerSecond", failures / s.seconds());
        boolean none = all == null || all.count() == 0;
        o.put("avg", none ? 0 : all.avg()).put("min", none ? 0 : all.min()).put("max", none ? 0 : all.max());
        for (double q : new double[] {50, 95, 99}) o.put("p" + (int) q, none ? 0 : all.percentile(q));
        return o;
    }
}
