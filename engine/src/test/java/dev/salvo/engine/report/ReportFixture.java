package dev.salvo.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.PlanParser;
import dev.salvo.engine.config.Problems;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdsParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A finished run made by hand: known requests, checks and thresholds, without a network. */
final class ReportFixture {
    private ReportFixture() {}

    static Tags request(String name, String method, int status) {
        return Tags.of("name", name, "method", method, "status", Integer.toString(status), "url", "http://127.0.0.1/" + name,
                "expected_response", Boolean.toString(status < 400), "scenario", "default");
    }

    /** {@code names} request names with 100 requests each (1..100 ms), every tenth a 500. */
    static Metrics metrics(int names) {
        Metrics m = new Metrics();
        for (int n = 0; n < names; n++) {
            String name = "req" + n;
            for (int i = 1; i <= 100; i++) {
                int status = i % 10 == 0 ? 500 : 200;
                Tags t = request(name, "GET", status);
                m.add(BuiltinMetrics.HTTP_REQS, t, 1);
                m.add(BuiltinMetrics.HTTP_REQ_DURATION, t, i);
                m.add(BuiltinMetrics.HTTP_REQ_FAILED, t, status >= 400 ? 1 : 0);
                m.add(BuiltinMetrics.CHECKS, Tags.of("check", "status is 200", "group", ""), status == 200 ? 1 : 0);
            }
        }
        m.add(BuiltinMetrics.ITERATIONS, Tags.EMPTY, 100);
        m.add(BuiltinMetrics.VUS, Tags.EMPTY, 3);
        return m;
    }

    static Summary summary(Metrics m, String thresholdsJson) throws Exception {
        Plan plan = PlanParser.parse(null, Overrides.NONE);
        Problems problems = new Problems();
        List<Threshold> thresholds = ThresholdsParser.parse(new ObjectMapper().readTree(thresholdsJson), problems);
        RunResult r = new RunResult(plan, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(10), m.aggregates(),
                Map.of("TypeError: x is undefined (at script.js:12:5)", 7L), 0, false);
        return Summary.of(r, ThresholdEvaluator.evaluateAll(thresholds, r.aggregates(), 10));
    }
}
