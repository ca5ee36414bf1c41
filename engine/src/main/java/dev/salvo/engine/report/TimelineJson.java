package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The {@link Timeline} as report.html's {@code timeline} object: {@code t} (seconds from the run's start
 * at each bucket's end), {@code step} (the bucket's width in seconds) and one object of columns per
 * series: the whole run under {@code ""}, each request under its label, each charted metric under its
 * name. Counts become per-second rates; numbers keep three significant digits (null: no sample).
 */
final class TimelineJson {
    private static final MathContext DIGITS = new MathContext(3);

    private TimelineJson() {}

    static ObjectNode of(Timeline timeline, Summary s) {
        ObjectNode out = SummaryJson.JSON.createObjectNode();
        long[] ends = timeline.ends();
        double[] seconds = timeline.seconds();
        long t0 = s.result().start().toEpochMilli();
        ArrayNode t = out.putArray("t");
        for (long end : ends) t.add(Math.max(0, Math.round((end - t0) / 100.0) / 10.0));
        out.put("step", seconds.length == 0 ? 1 : Math.round(seconds[0]));
        ObjectNode series = out.putObject("series");
        ObjectNode run = series.putObject(Timeline.RUN);
        column(run, "vus", timeline.values(Timeline.RUN, "vus"), null);
        column(run, "rps", timeline.values(Timeline.RUN, "reqs"), seconds);
        column(run, "failed", timeline.values(Timeline.RUN, "failed"), seconds);
        column(run, "checksFailed", timeline.values(Timeline.RUN, "checksFailed"), seconds);
        latency(run, timeline, Timeline.RUN);
        for (Summary.RequestRow r : s.requests()) {
            String label = Timeline.label(r.method(), r.name());
            ObjectNode o = series.putObject(label);
            column(o, "rps", timeline.values(label, "count"), seconds);
            column(o, "failed", timeline.values(label, "failed"), seconds);
            latency(o, timeline, label);
        }
        timeline.metrics().forEach((name, type) -> {
            ObjectNode o = series.putObject(name);
            o.put("type", type.label());
            switch (type) {
                case TREND -> {
                    column(o, "rate", timeline.values(name, "count"), seconds);
                    latency(o, timeline, name);
                }
                case COUNTER -> column(o, "rate", timeline.values(name, "sum"), seconds);
                case RATE -> ratio(o, timeline.values(name, "passes"), timeline.values(name, "count"));
                case GAUGE -> column(o, "value", timeline.values(name, "value"), null);
            }
        });
        return out;
    }

    private static void latency(ObjectNode o, Timeline timeline, String series) {
        for (String f : List.of("p50", "p95", "p99", "max")) column(o, f, timeline.values(series, f), null);
    }

    /** A column, divided by each bucket's seconds when {@code per} is given. */
    private static void column(ObjectNode o, String field, double[] values, double[] per) {
        if (values == null) return;
        ArrayNode a = o.putArray(field);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (per != null && Double.isNaN(v)) v = 0; // no count in a bucket is a rate of zero
            add(a, per == null ? v : v / per[i]);
        }
    }

    private static void ratio(ObjectNode o, double[] passes, double[] counts) {
        if (passes == null || counts == null) return;
        ArrayNode a = o.putArray("rate");
        for (int i = 0; i < passes.length; i++) add(a, counts[i] > 0 ? passes[i] / counts[i] : Double.NaN);
    }

    private static void add(ArrayNode a, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) a.addNull();
        else {
            double r = round(v);
            if (r == Math.rint(r) && Math.abs(r) < 1e15) a.add((long) r); // "1230", not "1230.0"
            else a.add(r);
        }
    }

    /** Three significant digits: 1234.5 → 1230, 0.012345 → 0.0123. */
    static double round(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) return v;
        return new BigDecimal(v).round(DIGITS).doubleValue();
    }
}
