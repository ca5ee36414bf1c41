package dev.salvo.engine.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThresholdEvaluatorTest {
    private final Metrics metrics = new Metrics();

    private static Threshold threshold(String selector, String condition, boolean allowEmpty) throws Exception {
        return new Threshold(MetricSelector.parse(selector), ConditionParser.parse(condition), false, Duration.ZERO, allowEmpty);
    }

    /** The merge of every series the selector matches, as the run will compute it. */
    private Aggregate aggregate(Threshold t) {
        Aggregate merged = null;
        for (Aggregate a : metrics.aggregates()) {
            if (!a.metric().name().equals(t.selector().metric()) || !t.selector().matches(a.tags())) continue;
            merged = merged == null ? a : merged.merge(a);
        }
        return merged;
    }

    private Verdict verdict(String selector, String condition, double seconds) throws Exception {
        Threshold t = threshold(selector, condition, false);
        return ThresholdEvaluator.evaluate(t, aggregate(t), seconds);
    }

    private void trend1To1000() {
        Metric t = Metric.trend("latency", true);
        for (int i = 1; i <= 1000; i++) metrics.add(t, Tags.of("name", i % 2 == 0 ? "even" : "odd"), i);
    }

    @Test
    void trendAggregationsReadTheHistogramToItsPrecision() throws Exception {
        trend1To1000();
        assertEquals(500.5, verdict("latency", "avg<501", 1).observed(), 1e-9);
        assertEquals(1, verdict("latency", "min==1", 1).observed(), 1e-3);
        assertEquals(1000, verdict("latency", "max>999", 1).observed(), 1000 * 1e-3);
        assertEquals(500, verdict("latency", "med<=500", 1).observed(), 500 * 1e-3);
        assertEquals(950, verdict("latency", "p(95)<1000", 1).observed(), 950 * 1e-3);
        assertEquals(999, verdict("latency", "p(99.9)<1000", 1).observed(), 999 * 1e-3);
        assertTrue(verdict("latency", "avg<501", 1).passed());
        assertFalse(verdict("latency", "p(95)<900", 1).passed());
        assertTrue(verdict("latency", "p(95)>=900", 1).passed());
    }

    @Test
    void subMetricSelectsOnlyMatchingSeries() throws Exception {
        trend1To1000();
        assertEquals(501, verdict("latency{name:even}", "avg>0", 1).observed(), 1e-9); // 2, 4, ... 1000
        assertEquals(1000, verdict("latency{name:even}", "max>0", 1).observed(), 1);
        assertTrue(verdict("latency{name:none}", "avg>0", 1).noData());
    }

    @Test
    void rateIsPassesOverCount() throws Exception {
        Metric r = Metric.rate("http_req_failed");
        for (int i = 0; i < 200; i++) metrics.add(r, Tags.EMPTY, i < 3 ? 1 : 0);
        Verdict v = verdict("http_req_failed", "rate<0.01", 10);
        assertEquals(0.015, v.observed(), 1e-12);
        assertFalse(v.passed());
        assertTrue(verdict("http_req_failed", "rate!=0", 10).passed());
    }

    @Test
    void counterCountIsTheSumAndRateIsPerSecond() throws Exception {
        Metric c = Metric.counter("data_received");
        for (int i = 0; i < 10; i++) metrics.add(c, Tags.EMPTY, 50);
        assertEquals(500, verdict("data_received", "count>=500", 4).observed());
        assertTrue(verdict("data_received", "count>=500", 4).passed());
        assertEquals(125, verdict("data_received", "rate>100", 4).observed());
        assertTrue(verdict("data_received", "rate>100", 4).passed());
        assertTrue(verdict("data_received", "rate>100", 0).noData(), "no time has passed yet");
    }

    @Test
    void gaugeValueIsTheLastOne() throws Exception {
        Metric g = Metric.gauge("vus");
        for (double v : new double[] {5, 20, 7}) metrics.add(g, Tags.EMPTY, v);
        Verdict v = verdict("vus", "value==7", 1);
        assertEquals(7, v.observed());
        assertTrue(v.passed());
        assertFalse(verdict("vus", "value>7", 1).passed());
    }

    @Test
    void noDataFailsUnlessAllowEmpty() throws Exception {
        Threshold strict = threshold("http_req_duration{name:x}", "p(95)<200", false);
        Threshold lenient = threshold("http_req_duration{name:x}", "p(95)<200", true);
        Verdict failed = ThresholdEvaluator.evaluate(strict, null, 1);
        assertTrue(failed.noData());
        assertFalse(failed.passed());
        assertTrue(Double.isNaN(failed.observed()));
        assertEquals("http_req_duration{name:x} p(95)<200: no data (failed; allowEmpty: true passes it)", failed.describe());
        Aggregate empty = Aggregate.empty(Metric.trend("http_req_duration", true), Tags.EMPTY);
        Verdict passed = ThresholdEvaluator.evaluate(lenient, empty, 1);
        assertTrue(passed.noData());
        assertTrue(passed.passed());
        assertEquals("http_req_duration{name:x} p(95)<200: no data (passed: allowEmpty is true)", passed.describe());
    }

    @Test
    void describeShowsTheObservedValue() throws Exception {
        Metric t = Metric.trend("http_req_duration", true);
        metrics.add(t, Tags.EMPTY, 312.45);
        // HdrHistogram reports the highest value equivalent to 312.45 at three significant digits.
        String p95 = verdict("http_req_duration", "p(95)<200", 1).describe();
        assertTrue(p95.matches("http_req_duration p\\(95\\)<200: observed p\\(95\\)=312\\.\\d+ \\(failed\\)"), p95);
        assertEquals("http_req_duration avg < 400: observed avg=312.45 (passed)", verdict("http_req_duration", "avg < 400", 1).describe());
    }

    @Test
    void growthAndSlopeHaveNoDataBeforeTheGaugeHasTwoValues() throws Exception {
        metrics.add(Metric.gauge("vus"), Tags.EMPTY, 3);
        Verdict v = verdict("vus", "growth<20", 1);
        assertTrue(v.noData());
        assertFalse(v.passed());
        assertEquals("vus growth<20: no data (failed; allowEmpty: true passes it)", v.describe());
        assertTrue(verdict("vus", "slope<5", 1).noData());
    }

    /** RSS of 100 MB growing 1 MB a second for a minute: 60% growth, 60 MB per minute. */
    private static Aggregate leakingRss() {
        double[] t = new double[61];
        double[] v = new double[61];
        for (int i = 0; i <= 60; i++) {
            t[i] = 1_700_000_000_000.0 + i * 1000;
            v[i] = 100e6 + i * 1e6;
        }
        Metric rss = Metric.gauge("sut_rss");
        return new Aggregate(rss, Tags.EMPTY, 61, v[60], v[0], v[60], v[60], 0, null, dev.salvo.engine.metrics.GaugeHistory.of(t, v));
    }

    @Test
    void growthComparesTheLastValueWithTheFirstOrTheBaselineAverage() throws Exception {
        Threshold first = threshold("sut_rss", "growth<20", false);
        Verdict v = ThresholdEvaluator.evaluate(first, leakingRss(), 60);
        assertEquals(60, v.observed(), 1e-9);
        assertFalse(v.passed());
        assertEquals("sut_rss growth<20: observed growth=60% (failed)", v.describe());
        Threshold baseline = new Threshold(MetricSelector.parse("sut_rss"), ConditionParser.parse("growth<100%"), false,
                Duration.ZERO, false, Duration.ofSeconds(10));
        // the first 10 s average 105 MB: 160 / 105 - 1
        Verdict b = ThresholdEvaluator.evaluate(baseline, leakingRss(), 60);
        assertEquals(100 * (160.0 / 105 - 1), b.observed(), 1e-9);
        assertTrue(b.describe().endsWith("% against the first 10s (passed)"), b.describe());
    }

    @Test
    void slopeIsTheLeastSquaresChangePerMinuteWithByteUnits() throws Exception {
        Verdict over = ThresholdEvaluator.evaluate(threshold("sut_rss", "slope<5MB", false), leakingRss(), 60);
        assertEquals(60e6, over.observed(), 1e-3);
        assertFalse(over.passed());
        assertEquals("sut_rss slope<5MB: observed slope=60000000 per minute (failed)", over.describe());
        assertTrue(ThresholdEvaluator.evaluate(threshold("sut_rss", "slope<58MiB", false), leakingRss(), 60).passed());
    }

    @Test
    void ratePerPeriodScalesACountersRate() throws Exception {
        metrics.add(Metric.counter("iterations"), Tags.EMPTY, 200);
        // 200 in an hour and a half: 133.3 per hour
        Verdict v = verdict("iterations", "rate(1h)>170", 5400);
        assertEquals(200 / 1.5, v.observed(), 1e-9);
        assertFalse(v.passed());
        assertTrue(verdict("iterations", "rate(1m)>2", 60).passed());
    }

    @Test
    void aggregationOfTheWrongTypeIsAProgrammingError() throws Exception {
        metrics.add(Metric.rate("checks"), Tags.EMPTY, 1);
        assertThrows(IllegalArgumentException.class, () -> verdict("checks", "p(95)<1", 1));
    }
}
