package dev.salvo.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.exec.LiveLoad;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.PlanParser;
import dev.salvo.engine.report.RunResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A running scenario's load changed from now on (the web UI's POST /api/load): VUs of closed models, the rate of open ones. */
class LiveLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Plan live(String options) throws Exception {
        return PlanParser.parse(JSON.readTree(options.replace('\'', '"')), Overrides.NONE).live();
    }

    private static LiveLoad awaitLive(Run run, String scenario) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            LiveLoad l = run.liveLoads().get(scenario);
            if (l != null) return l;
            Thread.sleep(10);
        }
        throw new AssertionError("scenario " + scenario + " never offered its load");
    }

    private static long awaitVus(Run run, long want) throws InterruptedException {
        long seen = -1;
        for (int i = 0; i < 100 && seen != want; i++) {
            Thread.sleep(20);
            seen = run.activeVus();
        }
        return seen;
    }

    private static CompletableFuture<RunResult> start(Run run) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void constantVusRaisedAndLoweredWhileItRunsAddsAndStopsVus() throws Exception {
        TimedRuntime runtime = new TimedRuntime(20, null);
        try (Workers workers = new Workers(2)) {
            Run run = new Run(live("{'scenarios':{'c':{'executor':'constant-vus','vus':2,'duration':'3s'}}}"), workers, runtime, new Metrics());
            CompletableFuture<RunResult> result = start(run);
            LiveLoad load = awaitLive(run, "c");
            assertEquals("vus", load.unit());
            assertEquals(2, awaitVus(run, 2));
            load.retarget(5, Duration.ZERO);
            assertEquals(5, awaitVus(run, 5), "three VUs were added");
            assertEquals(5, load.target());
            load.retarget(1, Duration.ZERO);
            assertEquals(1, awaitVus(run, 1));
            RunResult r = result.get(10, TimeUnit.SECONDS);
            assertTrue(r.elapsed().toMillis() < 3_900, "the duration holds: " + r.elapsed());
        }
    }

    @Test
    void anArrivalRateRaisedWhileItRunsStartsMoreIterationsFromThen() throws Exception {
        TimedRuntime runtime = new TimedRuntime(5, null);
        try (Workers workers = new Workers(2)) {
            Run run = new Run(live("{'scenarios':{'a':{'executor':'constant-arrival-rate','rate':10,'duration':'2s',"
                    + "'preAllocatedVUs':2,'maxVUs':20}}}"), workers, runtime, new Metrics());
            CompletableFuture<RunResult> result = start(run);
            LiveLoad load = awaitLive(run, "a");
            assertEquals("rate", load.unit());
            Thread.sleep(1000);
            int firstSecond = runtime.starts.size();
            load.retarget(100, Duration.ZERO);
            result.get(10, TimeUnit.SECONDS);
            int secondSecond = runtime.starts.size() - firstSecond;
            assertTrue(firstSecond >= 8 && firstSecond <= 12, "10/s before: " + firstSecond);
            assertTrue(secondSecond >= 80 && secondSecond <= 110, "100/s after: " + secondSecond);
        }
    }

    @Test
    void aClosedScenarioLastsLongerOrShorterWhenItsEndMoves() throws Exception {
        TimedRuntime runtime = new TimedRuntime(20, null);
        try (Workers workers = new Workers(2)) {
            Run run = new Run(live("{'scenarios':{'c':{'executor':'constant-vus','vus':2,'duration':'1s','gracefulStop':'0s'}}}"),
                    workers, runtime, new Metrics());
            CompletableFuture<RunResult> result = start(run);
            LiveLoad load = awaitLive(run, "c");
            assertEquals(1_000_000_000L, load.endNanos());
            load.endAt(2_500_000_000L);
            assertEquals(2_500_000_000L, load.endNanos());
            RunResult r = result.get(10, TimeUnit.SECONDS);
            assertTrue(r.elapsed().toMillis() >= 2_400 && r.elapsed().toMillis() < 3_200, "ran to the moved end: " + r.elapsed());
        }
        try (Workers workers = new Workers(2)) {
            Run run = new Run(live("{'scenarios':{'c':{'executor':'constant-vus','vus':2,'duration':'30s'}}}"), workers,
                    new TimedRuntime(20, null), new Metrics());
            CompletableFuture<RunResult> result = start(run);
            awaitLive(run, "c").endAt(1_000_000_000L);
            RunResult r = result.get(10, TimeUnit.SECONDS);
            assertTrue(r.elapsed().toMillis() >= 900 && r.elapsed().toMillis() < 1_800, "ended at the moved end: " + r.elapsed());
        }
    }

    @Test
    void anArrivalRateRunsOnAtItsRateWhenItsEndMovesLater() throws Exception {
        TimedRuntime runtime = new TimedRuntime(5, null);
        try (Workers workers = new Workers(2)) {
            Run run = new Run(live("{'scenarios':{'a':{'executor':'constant-arrival-rate','rate':20,'duration':'1s',"
                    + "'preAllocatedVUs':2,'maxVUs':20}}}"), workers, runtime, new Metrics());
            CompletableFuture<RunResult> result = start(run);
            awaitLive(run, "a").endAt(2_000_000_000L);
            RunResult r = result.get(10, TimeUnit.SECONDS);
            int iterations = runtime.starts.size();
            assertTrue(iterations >= 38 && iterations <= 42, "20/s for 2 s: " + iterations);
            assertTrue(r.elapsed().toMillis() >= 1_900, "ran to the moved end: " + r.elapsed());
        }
    }
}
