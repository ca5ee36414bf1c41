package dev.salvo.engine.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.config.Problems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsParserTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void shortAndLongFormsGiveThresholds() throws Exception {
        Problems p = new Problems();
        List<Threshold> ts = ThresholdsParser.parse(json("""
                {'http_req_duration{name:list items}': ['p(95)<500',
                   {'threshold': 'avg<200', 'abortOnFail': true, 'delayAbortEval': '10s', 'allowEmpty': true}],
                 'http_req_failed': ['rate<0.01']}"""), p);
        assertEquals(List.of(), p.errors());
        assertEquals(3, ts.size());
        Threshold shortForm = ts.get(0);
        assertEquals("list items", shortForm.selector().tags().get("name"));
        assertFalse(shortForm.abortOnFail());
        assertEquals(Duration.ZERO, shortForm.delayAbortEval());
        Threshold longForm = ts.get(1);
        assertEquals(Aggregation.AVG, longForm.condition().aggregation());
        assertTrue(longForm.abortOnFail());
        assertTrue(longForm.allowEmpty());
        assertEquals(Duration.ofSeconds(10), longForm.delayAbortEval());
        assertEquals("http_req_failed", ts.get(2).selector().metric());
    }

    @Test
    void missingOrNullThresholdsGiveNone() {
        Problems p = new Problems();
        assertEquals(List.of(), ThresholdsParser.parse(null, p));
        assertFalse(p.hasErrors());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() throws Exception {
        Problems p = new Problems();
        List<Threshold> ts = ThresholdsParser.parse(json("""
                {'http_req_duration': ['p(95)<500', 'rate<'],
                 'http-reqs': ['count>1'],
                 'checks': 'rate>0.9',
                 'iterations': [42, {'threshold': 'count>1', 'abortOnFail': 'yes', 'delayAbortEval': 10,
                                     'allowEmpty': 1, 'abortOnFailure': true},
                                {'abortOnFail': true}, {'threshold': 'count>1', 'delayAbortEval': 'soon'}]}"""), p);
        assertEquals(List.of(
                "options.thresholds[\"http_req_duration\"][1]: 'rate<': expected a number at column 6",
                "options.thresholds[\"http-reqs\"]: 'http-reqs' is not a metric selector: '-' cannot appear in a metric name"
                        + " at column 5; names hold letters, digits and _ only (k6's rule ^[a-zA-Z_][a-zA-Z0-9_]{0,127}$)",
                "options.thresholds[\"checks\"]: must be an array of thresholds, e.g. [\"p(95)<500\"]",
                "options.thresholds[\"iterations\"][0]: must be an expression such as \"p(95)<500\" or an object"
                        + " {threshold, abortOnFail, delayAbortEval, allowEmpty}, not 42",
                "options.thresholds[\"iterations\"][1].abortOnFail: must be true or false, not \"yes\"",
                "options.thresholds[\"iterations\"][1].allowEmpty: must be true or false, not 1",
                "options.thresholds[\"iterations\"][1].delayAbortEval: must be a duration string such as \"10s\", not 10",
                "options.thresholds[\"iterations\"][1].abortOnFailure: is not a threshold option"
                        + " (threshold, abortOnFail, delayAbortEval, allowEmpty, baseline); did you mean abortOnFail?",
                "options.thresholds[\"iterations\"][2]: needs a threshold, e.g. {threshold: \"p(95)<500\"}",
                "options.thresholds[\"iterations\"][3].delayAbortEval: 'soon' is not a duration (examples: 30s, 1m30s, 2h, 500ms)"),
                p.errors());
        assertEquals(1, ts.size(), "only the valid threshold is kept");
    }

    @Test
    void thresholdsThatAreNotAnObjectAreAnError() throws Exception {
        Problems p = new Problems();
        ThresholdsParser.parse(json("['p(95)<500']"), p);
        assertTrue(p.errors().get(0).startsWith("options.thresholds: must be an object"), p.errors().toString());
    }

    @Test
    void delayWithoutAbortIsAWarning() throws Exception {
        Problems p = new Problems();
        List<Threshold> ts = ThresholdsParser.parse(json("""
                {'vus': [{'threshold': 'value<10', 'delayAbortEval': '5s'}, 'growth<20']}"""), p);
        assertEquals(2, ts.size());
        assertEquals(List.of(
                "options.thresholds[\"vus\"][0].delayAbortEval: has no effect without abortOnFail: true"), p.warnings());
    }

    @Test
    void baselineIsADurationForGrowthOnly() throws Exception {
        Problems p = new Problems();
        List<Threshold> ts = ThresholdsParser.parse(json("""
                {'sut_rss': [{'threshold': 'growth<20', 'baseline': '30s'}, {'threshold': 'slope<5MB', 'baseline': '30s'},
                             {'threshold': 'growth<20', 'baseline': 'soon'}]}"""), p);
        assertEquals(1, ts.size());
        assertEquals(Duration.ofSeconds(30), ts.get(0).baseline());
        assertEquals(List.of(
                "options.thresholds[\"sut_rss\"][1].baseline: applies to growth only, not slope",
                "options.thresholds[\"sut_rss\"][2].baseline: 'soon' is not a duration (examples: 30s, 1m30s, 2h, 500ms)"), p.errors());
    }

    @Test
    void ratePerPeriodAppliesToCountersOnly() throws Exception {
        Threshold t = ThresholdsParser.parse(json("{'iterations': ['rate(1h)>170']}"), new Problems()).get(0);
        assertNull(ThresholdsParser.checkType(t, MetricType.COUNTER));
        assertEquals("'rate(1h)' does not apply to rate metric 'iterations'; a rate takes rate", ThresholdsParser.checkType(t, MetricType.RATE));
    }

    @Test
    void typeCheckAllowsExactlyK6sAggregationsPerMetricType() throws Exception {
        String[][] allowed = {
                {"TREND", "avg<1", "min<1", "max<1", "med<1", "p(95)<1"},
                {"RATE", "rate<1"},
                {"COUNTER", "count<1", "rate<1"},
                {"GAUGE", "value<1", "growth<1", "slope<1"}};
        String[] all = {"avg<1", "min<1", "max<1", "med<1", "p(95)<1", "count<1", "rate<1", "value<1", "growth<1", "slope<1"};
        for (String[] row : allowed) {
            MetricType type = MetricType.valueOf(row[0]);
            List<String> ok = List.of(row).subList(1, row.length);
            for (String expression : all) {
                Threshold t = new Threshold(MetricSelector.parse("m"), ConditionParser.parse(expression), false, Duration.ZERO, false);
                String error = ThresholdsParser.checkType(t, type);
                if (ok.contains(expression)) assertNull(error, type + " " + expression);
                else assertTrue(error != null && error.contains("does not apply to " + type.label()), type + " " + expression);
            }
        }
    }

    @Test
    void typeCheckMessageSaysWhatTheTypeTakes() throws Exception {
        Threshold t = new Threshold(MetricSelector.parse("http_req_failed"), ConditionParser.parse("p(95)<1"), false, Duration.ZERO, false);
        assertEquals("'p(95)' does not apply to rate metric 'http_req_failed'; a rate takes rate",
                ThresholdsParser.checkType(t, MetricType.RATE));
    }
}
