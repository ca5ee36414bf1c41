package dev.salvo.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.config.ConfigReader;
import dev.salvo.engine.config.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;


/**
 * k6 stages: a target (VUs or a rate) reached linearly over each stage's duration, starting from
 * {@code start}. Shared by ramping-vus and ramping-arrival-rate.
 */
public record Stages(double start, List<Stage> stages) {
    /** One stage: ramp linearly to {@code target} over {@code duration} (0 jumps at once). */
    public record Stage(Duration duration, double target) {}

    /** Reads {@code key} (an array of {duration, target}); records every problem. */
    public static List<Stage> parse(ConfigReader c, String key, boolean integerTargets) {
        List<Stage> out = new ArrayList<>();
        JsonNode v = c.raw(key);
        if (v == null || v.isNull()) {
            c.problems().error(c.path(key), "is required: a list of { duration: '30s', target: 10 }");
            return out;
        }
        if (!v.isArray() || v.isEmpty()) {
            c.problems().error(c.path(key), "must be a non-empty list of { duration: '30s', target: 10 }, not " + v);
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String path = c.path(key) + "[" + i + "]";
            if (!e.isObject()) {
                c.problems().error(path, "must be an object { duration, target }, not " + e);
                continue;
            }
            ConfigReader s = new ConfigReader((ObjectNode) e, path, c.problems());
            s.required("duration", "in every stage");
            s.required("target", "in every stage");
            Duration d = s.duration("duration", Duration.ZERO, false);
            double target = s.number("target", 0, 0, Integer.MAX_VALUE, integerTargets);
            s.checkUnknown(Set.of());
            out.add(new Stage(d, target));
        }
        Duration total = out.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        if (!out.isEmpty() && total.isZero()) c.problems().error(c.path(key), "must last longer than 0s in total");
        return out;
    }

    /** These stages with every target (and the start) mapped, e.g. to a segment's share. */
    public Stages map(DoubleUnaryOperator f) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) out.add(new Stage(s.duration, f.applyAsDouble(s.target)));
        return new Stages(f.applyAsDouble(start), List.copyOf(out));
    }

    public Duration total() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public double max() {
        double m = start;
        for (Stage s : stages) m = Math.max(m, s.target);
        return m;
    }

    /** The target at {@code nanos} into the schedule; the last target after the end. */
    public double at(long nanos) {
        double from = start;
        long t0 = 0;
        for (Stage s : stages) {
            long len = s.duration.toNanos();
            if (nanos < t0 + len) return from + (s.target - from) * (nanos - t0) / (double) len;
            t0 += len;
            from = s.target;
        }
        return from;
    }

    /**
     * The time (nanos) at which the integral of the target over time, in units per {@code unit}
     * nanoseconds, reaches {@code n}; {@code Long.MAX_VALUE} if it never does within the stages.
     * For ramping-arrival-rate this is when iteration number {@code n} is due.
     */
    public long timeOfCount(double n, long unit) {
        double from = start;
        long t0 = 0;
        double before = 0;
        for (Stage s : stages) {
            long len = s.duration.toNanos();
            double r0 = from / unit;
            double r1 = s.target / unit;
            double area = (r0 + r1) / 2 * len;
            if (len > 0 && before + area >= n) {
                double need = n - before;
                double k = (r1 - r0) / (2.0 * len);
                double x = Math.abs(k) < 1e-30 ? need / r0
                        : (-r0 + Math.sqrt(Math.max(0, r0 * r0 + 4 * k * need))) / (2 * k);
                return t0 + (long) Math.ceil(x);
            }
            before += area;
            t0 += len;
            from = s.target;
        }
        return Long.MAX_VALUE;
    }

    /**
     * A new stage from now on: these stages up to {@code nowNanos}, then a ramp to {@code target} over
     * {@code ramp} (zero jumps), then that target held to the same end as before (the ramp, if longer, extends it).
     */
    public Stages retarget(long nowNanos, double target, Duration ramp) {
        List<Stage> out = new ArrayList<>();
        long t0 = 0;
        for (Stage s : stages) {
            long len = s.duration.toNanos();
            if (t0 + len > nowNanos) break;
            out.add(s);
            t0 += len;
        }
        // the stage under way (or the hold after the last one) up to now
        if (nowNanos > t0) out.add(new Stage(Duration.ofNanos(nowNanos - t0), at(nowNanos)));
        long rest = total().toNanos() - nowNanos - ramp.toNanos();
        out.add(new Stage(ramp, target));
        if (rest > 0) out.add(new Stage(Duration.ofNanos(rest), target));
        return new Stages(start, List.copyOf(out));
    }

    /**
     * These stages ending at {@code endNanos} instead: cut there (at the target reached by then), or with the
     * last target held until then.
     */
    public Stages until(long endNanos) {
        List<Stage> out = new ArrayList<>();
        long t0 = 0;
        double from = start;
        for (Stage s : stages) {
            long len = s.duration.toNanos();
            if (t0 + len >= endNanos) { // the stage under way at the end: cut, reaching what it reaches by then
                if (endNanos > t0) out.add(new Stage(Duration.ofNanos(endNanos - t0), from + (s.target - from) * (endNanos - t0) / (double) len));
                return new Stages(start, List.copyOf(out));
            }
            out.add(s);
            t0 += len;
            from = s.target;
        }
        out.add(new Stage(Duration.ofNanos(endNanos - t0), from));
        return new Stages(start, List.copyOf(out));
    }

    /** The stages as k6 writes them, for the plan print-out. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("duration", Durations.format(s.duration));
            m.put("target", s.target == Math.rint(s.target) ? (Object) (long) s.target : (Object) s.target);
            out.add(m);
        }
        return out;
    }
}
