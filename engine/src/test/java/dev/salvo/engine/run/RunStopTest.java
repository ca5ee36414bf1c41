package dev.salvo.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.plan.PlanParser;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping a run: from any thread and at any time, and iterations that never return counted as interrupted. */
class RunStopTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Plan plan(String options) throws Exception {
        return PlanParser.parse(JSON.readTree(options.replace('\'', '"')), Overrides.NONE);
    }

    @Test
    void stopAfterTheRunHasEndedDoesNothing() throws Exception {
        try (Workers workers = new Workers(1)) {
            Run run = new Run(plan("{'vus': 1, 'iterations': 2}"), workers, new TimedRuntime(1, null), new Metrics());
            RunResult result = run.execute();
            assertEquals(false, result.interrupted());
            // Ctrl-C while the summary prints: the run's clock is shut down by then
            assertDoesNotThrow(run::stop);
            assertDoesNotThrow(run::stop);
        }
    }

    @Test
    void aBusyIterationAtTheHardStopIsCancelledFromOutsideItsWorker() throws Exception {
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        ScriptRuntime stuck = new ScriptRuntime() {
            @Override
            public void initVu(VirtualUser vu, Scenario scenario, VuServices services) {}

            @Override
            public void iterate(VirtualUser vu, IterationDone done) {
                started.countDown(); // and never calls done: the iteration's code is still "running"
            }

            @Override
            public void cancel(VirtualUser vu) {
                cancelled.incrementAndGet();
            }

            @Override
            public void closeVu(VirtualUser vu) {}
        };
        try (Workers workers = new Workers(1)) {
            Run run = new Run(plan("{'scenarios': {'s': {'executor': 'constant-vus', 'vus': 1, 'duration': '200ms', 'gracefulStop': '100ms'}}}"),
                    workers, stuck, new Metrics());
            CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return run.execute();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            RunResult r = result.get(20, TimeUnit.SECONDS);
            assertEquals(1, r.interruptedIterations());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (cancelled.get() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(1, cancelled.get());
        }
    }
}
