package dev.salvo.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.exec.ConstantVus;
import dev.salvo.engine.exec.PerVuIterations;
import dev.salvo.engine.exec.SharedIterations;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Plan parse(String options) throws Exception {
        return PlanParser.parse(options == null ? null : json(options), Overrides.NONE);
    }

    @Test
    void httpOptionsHaveK6sDefaultsAndAreValidated() throws Exception {
        assertEquals(ClientOptions.DEFAULT, parse(null).client());
        Plan plan = parse("{'noCookiesReset': true, 'batch': 4, 'batchPerHost': 2}");
        assertEquals(List.of(true, 4, 2), List.of(plan.client().noCookiesReset(), plan.client().batch(), plan.client().batchPerHost()));
        assertTrue(plan.warnings().isEmpty(), plan.warnings().toString());
        PlanException e = assertThrows(PlanException.class, () -> parse("{'batch': 0, 'batchPerHost': 'x'}"));
        assertTrue(e.getMessage().contains("options.batch") && e.getMessage().contains("options.batchPerHost"), e.getMessage());
    }

    @Test
    void noOptionsRunOneIterationOnOneVu() throws Exception {
        Plan plan = parse(null);
        assertEquals(1, plan.scenarios().size());
        assertEquals("default", plan.scenarios().get(0).name());
        SharedIterations e = assertInstanceOf(SharedIterations.class, plan.scenarios().get(0).executor());
        assertEquals(1, e.vus());
        assertEquals(1, e.iterations());
        assertEquals(Isolation.VU, plan.isolation());
    }

    @Test
    void vusAndDurationShortcutsMakeAConstantVusScenario() throws Exception {
        Plan plan = parse("{'vus': 5, 'duration': '1m30s'}");
        ConstantVus e = assertInstanceOf(ConstantVus.class, plan.scenarios().get(0).executor());
        assertEquals(5, e.vus());
        assertEquals(Duration.ofSeconds(90), e.duration());
    }

    @Test
    void iterationsShortcutMakesASharedIterationsScenarioBoundedByDuration() throws Exception {
        Plan plan = parse("{'vus': 2, 'iterations': 10, 'duration': '20s'}");
        SharedIterations e = assertInstanceOf(SharedIterations.class, plan.scenarios().get(0).executor());
        assertEquals(2, e.vus());
        assertEquals(10, e.iterations());
        assertEquals(java.time.Duration.ofSeconds(20), e.maxDuration());
        assertEquals(java.time.Duration.ofSeconds(50), e.maxRunTime()); // with the default gracefulStop of 30s
        assertEquals("20s", e.parameters().get("maxDuration"));
    }

    @Test
    void aTopLevelGracefulStopIsTheShortcutScenariosAndOnlyWarnsBesideDeclaredScenarios() throws Exception {
        ConstantVus e = assertInstanceOf(ConstantVus.class, parse("{'vus': 2, 'duration': '2s', 'gracefulStop': '0s'}").scenarios().get(0).executor());
        assertEquals(Duration.ofSeconds(2), e.maxRunTime());
        Plan locust = PlanParser.parse(json("{'gracefulStop': '1s'}"), new Overrides(4, Duration.ofSeconds(3), null, 2.0));
        assertEquals(Duration.ofSeconds(4), locust.scenarios().get(0).executor().maxRunTime());
        Plan declared = parse("{'gracefulStop': '0s', 'scenarios': {'a': {'executor': 'constant-vus', 'vus': 1, 'duration': '1s'}}}");
        assertEquals(Duration.ofSeconds(31), declared.scenarios().get(0).executor().maxRunTime());
        assertEquals(List.of("options.gracefulStop: ignored: the script declares scenarios (set scenarios.NAME.gracefulStop)"), declared.warnings());
    }

    @Test
    void commandLineShortcutsReplaceTheScriptScenarios() throws Exception {
        JsonNode options = json("{'scenarios': {'a': {'executor': 'per-vu-iterations', 'vus': 2, 'iterations': 3}}}");
        assertInstanceOf(PerVuIterations.class, PlanParser.parse(options, Overrides.NONE).scenarios().get(0).executor());
        Plan plan = PlanParser.parse(options, new Overrides(4, Duration.ofSeconds(3), null));
        assertEquals("default", plan.scenarios().get(0).name());
        ConstantVus e = assertInstanceOf(ConstantVus.class, plan.scenarios().get(0).executor());
        assertEquals(4, e.vus());
        assertEquals(Duration.ofSeconds(3), e.duration());
    }

    @Test
    void shortcutsReplacedOnTheCommandLineAreNotWarnedAboutAsUnknown() throws Exception {
        Plan plan = PlanParser.parse(json("{'vus': 2, 'duration': '1m', 'iterations': 9}"), new Overrides(1, Duration.ofSeconds(5), 2));
        assertEquals(List.of(), plan.warnings());
    }

    @Test
    void aMisspeltKeyIsAnErrorThatSuggestsTheClosestOption() throws Exception {
        PlanException e = assertThrows(PlanException.class, () -> parse("{'vus': 1, 'duraton': '2s'}"));
        assertEquals(List.of("options.duraton: unknown option (did you mean 'duration'?)"), e.problems());
    }

    @Test
    void aKeyLikeNoOptionIsAWarning() throws Exception {
        Plan plan = parse("{'vus': 1, 'duration': '1s', 'cloudProjectSettings': {}}");
        assertEquals(List.of("options.cloudProjectSettings: unknown option, ignored"), plan.warnings());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() throws Exception {
        PlanException e = assertThrows(PlanException.class, () -> parse("""
                {'isolation': 'thread',
                 'setupTimeout': 'soon',
                 'scenarios': {
                   'a': {'executor': 'constant-vus', 'vus': 0, 'duration': '10s'},
                   'b': {'executor': 'warp-speed'},
                   'c': {'executor': 'shared-iterations', 'vus': 5, 'iterations': 2},
                   'd': {'vus': 1}
                 }}"""));
        List<String> problems = e.problems();
        assertTrue(problems.contains("options.isolation: must be 'vu' or 'worker', not 'thread'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("options.setupTimeout: 'soon' is not a duration")), problems.toString());
        assertTrue(problems.contains("options.scenarios.a.vus: must be > 0, not 0"), problems.toString());
        assertTrue(problems.contains("options.scenarios.b.executor: unknown executor 'warp-speed'; valid: constant-vus, ramping-vus, per-vu-iterations, shared-iterations, constant-arrival-rate, ramping-arrival-rate"), problems.toString());
        assertTrue(problems.contains("options.scenarios.c.vus: must not exceed iterations (2), not 5"), problems.toString());
        assertTrue(problems.contains("options.scenarios.d.executor: is required; valid: constant-vus, ramping-vus, per-vu-iterations, shared-iterations, constant-arrival-rate, ramping-arrival-rate"), problems.toString());
        assertEquals(6, problems.size(), problems.toString());
    }

    @Test
    void workerIsolationIsRead() throws Exception {
        assertEquals(Isolation.WORKER, parse("{'isolation': 'worker'}").isolation());
    }
}
