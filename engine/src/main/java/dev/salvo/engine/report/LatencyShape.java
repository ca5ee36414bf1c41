package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Series;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of each request's latency for report.html, from its whole-run HdrHistogram: the
 * percentile distribution on the usual log axis (x = log10(1 / (1 - p)), so 90%, 99%, 99.9% are
 * evenly spaced) and a histogram over 1-2-5 millisecond bins.
 */
final class LatencyShape {
    /** The deepest percentile drawn: 99.999%, x = 5. */
    static final double DEEPEST = 99.999;
    private static final int MAX_POINTS = 120;

    private LatencyShape() {}

    static ObjectNode of(Summary s) {
        ObjectNode out = SummaryJson.JSON.createObjectNode();
        double top = 0;
        for (Summary.RequestRow r : s.requests()) top = Math.max(top, r.duration().max());
        List<Double> edges = edges(top);
        ArrayNode e = out.putArray("bins");
        edges.forEach(e::add);
        ArrayNode series = out.putArray("series");
        for (Summary.RequestRow r : s.requests()) {
            Aggregate a = r.duration();
            if (a.histogram() == null || a.count() == 0) continue;
            ObjectNode o = series.addObject().put("series", Timeline.label(r.method(), r.name()));
            percentiles(a, o.putArray("percentiles"));
            ArrayNode counts = o.putArray("histogram");
            for (long c : histogram(a.histogram(), edges)) counts.add(c);
        }
        return out;
    }

    /** [x, ms] pairs, x = log10(100 / (100 - p)), at most {@value #MAX_POINTS}, ending at the max or {@value #DEEPEST}%. */
    private static void percentiles(Aggregate a, ArrayNode out) {
        Histogram h = a.histogram();
        double lastX = -1;
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = Math.min(DEEPEST, v.getPercentileLevelIteratedTo());
            double x = Math.log10(100 / (100 - p));
            if (x - lastX >= 5.0 / MAX_POINTS || p >= DEEPEST) {
                double ms = Math.max(a.min(), Math.min(a.max(), h.highestEquivalentValue(v.getValueIteratedTo()) / Series.SCALE));
                out.addArray().add(Math.round(x * 1000) / 1000.0).add(TimelineJson.round(ms));
                lastX = x;
            }
            if (p >= DEEPEST || v.getPercentileLevelIteratedTo() >= 100) break;
        }
    }

    /** Bin edges 0, 1, 2, 5, 10, 20, 50 ... ms, up to the first one above {@code top}. */
    static List<Double> edges(double top) {
        List<Double> edges = new ArrayList<>(List.of(0.0));
        double[] steps = {1, 2, 5};
        for (double decade = 0.1; edges.get(edges.size() - 1) <= top; decade *= 10) {
            for (double step : steps) {
                double edge = Math.round(step * decade * 1000) / 1000.0;
                if (edge >= 1 || top < 1) edges.add(edge);
                if (edge > top) break;
            }
        }
        return edges;
    }

    /** How many values fall in [edge i, edge i+1) for each bin. */
    static long[] histogram(Histogram h, List<Double> edges) {
        long[] counts = new long[edges.size() - 1];
        for (HistogramIterationValue v : h.recordedValues()) {
            double ms = h.medianEquivalentValue(v.getValueIteratedTo()) / Series.SCALE;
            int bin = 0;
            while (bin < counts.length - 1 && ms >= edges.get(bin + 1)) bin++;
            counts[bin] += v.getCountAtValueIteratedTo();
        }
        return counts;
    }
}
