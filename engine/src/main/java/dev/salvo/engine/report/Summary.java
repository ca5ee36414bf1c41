package dev.salvo.engine.report;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.thresholds.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/**
 * The numbers of a finished run, grouped the way people read them: per request name and method,
 * per check, per metric. Every report (console, later JSON and CSV) renders from this one model.
 */
public record Summary(RunResult result, List<Verdict> thresholds, List<RequestRow> requests, List<CheckRow> checks,
                      List<ErrorRow> httpErrors, Map<String, Aggregate> metrics) {

    /** One request name and method: counts and latency percentiles in milliseconds. */
    public record RequestRow(String name, String method, long count, long failures, Aggregate duration) {}

    /** One check: how often it passed and failed. */
    public record CheckRow(String group, String name, long passes, long fails) {}

    /** Failed requests of one name, method and status or error code. */
    public record ErrorRow(String name, String method, String status, String errorCode, long count) {}

    public static Summary of(RunResult r, List<Verdict> thresholds) {
        Map<String, Aggregate> metrics = new TreeMap<>();
        for (Aggregate a : r.aggregates()) {
            metrics.merge(a.metric().name(), a, Aggregate::merge);
        }
        Map<List<String>, Aggregate> durations = group(r, HTTP_REQ_DURATION.name(), t -> List.of(t.get("name"), t.get("method")));
        Map<List<String>, Aggregate> failed = group(r, HTTP_REQ_FAILED.name(), t -> List.of(t.get("name"), t.get("method")));
        List<RequestRow> requests = new ArrayList<>();
        durations.forEach((k, d) -> {
            Aggregate f = failed.get(k);
            requests.add(new RequestRow(k.get(0), k.get(1), d.count(), f == null ? 0 : f.passes(), d));
        });
        // A WebSocket's row: its handshakes, and every ws_errors of that name as a failure.
        Map<List<String>, Aggregate> wsErrors = group(r, WS_ERRORS.name(), t -> List.of(t.get("name")));
        group(r, WS_CONNECTING.name(), t -> List.of(t.get("name"))).forEach((k, d) -> {
            Aggregate f = wsErrors.get(k);
            requests.add(new RequestRow(k.get(0), RequestKey.WS, d.count(), f == null ? 0 : (long) f.sum(), d));
        });
        requests.sort(Comparator.comparing(RequestRow::name).thenComparing(RequestRow::method));

        List<CheckRow> checks = new ArrayList<>();
        group(r, CHECKS.name(), t -> List.of(nonNull(t.get("group")), nonNull(t.get("check"))))
                .forEach((k, a) -> checks.add(new CheckRow(k.get(0), k.get(1), a.passes(), a.count() - a.passes())));
        checks.sort(Comparator.comparing(CheckRow::group).thenComparing(CheckRow::name));

        List<ErrorRow> errors = new ArrayList<>();
        for (Aggregate a : r.aggregates()) {
            Tags t = a.tags();
            if (a.metric().name().equals(WS_ERRORS.name())) {
                errors.add(new ErrorRow(t.get("name"), RequestKey.WS, t.get("status"), t.get("error_code"), (long) a.sum()));
            }
            if (!a.metric().name().equals(HTTP_REQS.name()) || "true".equals(a.tags().get("expected_response"))) continue;
            errors.add(new ErrorRow(t.get("name"), t.get("method"), t.get("status"), t.get("error_code"), (long) a.sum()));
        }
        Map<List<String>, ErrorRow> merged = new LinkedHashMap<>();
        for (ErrorRow e : errors) {
            merged.merge(List.of(nonNull(e.name()), nonNull(e.method()), nonNull(e.status()), nonNull(e.errorCode())), e,
                    (x, y) -> new ErrorRow(x.name(), x.method(), x.status(), x.errorCode(), x.count() + y.count()));
        }
        List<ErrorRow> httpErrors = new ArrayList<>(merged.values());
        httpErrors.sort(Comparator.comparingLong(ErrorRow::count).reversed());
        return new Summary(r, List.copyOf(thresholds), requests, checks, httpErrors, metrics);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Map<List<String>, Aggregate> group(RunResult r, String metric, Function<Tags, List<String>> key) {
        Map<List<String>, Aggregate> out = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Aggregate a : r.aggregates()) {
            if (!a.metric().name().equals(metric)) continue;
            List<String> k = key.apply(a.tags()).stream().map(Summary::nonNull).toList();
            out.merge(k, a, Aggregate::merge);
        }
        return out;
    }

    public double seconds() {
        return Math.max(1e-9, result.elapsed().toNanos() / 1e9);
    }

    public Aggregate metric(String name) {
        return metrics.get(name);
    }
}
