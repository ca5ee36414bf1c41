package dev.salvo.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.GaugeHistory;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SaturationTest {
    private final List<String> live = new ArrayList<>();
    private final Saturation saturation = new Saturation(2, live::add);

    private void second(double cpu, double machineCpu, double lagMs) {
        Histogram lag = new Histogram(3);
        for (int i = 0; i < 10; i++) lag.recordValue((long) (lagMs * Series.SCALE));
        saturation.onInterval(new Interval(0, 1000, List.of(
                Aggregate.gauge(BuiltinMetrics.SALVO_CPU, Tags.EMPTY, 1, cpu, cpu, cpu, GaugeHistory.EMPTY),
                Aggregate.gauge(BuiltinMetrics.SALVO_MACHINE_CPU, Tags.EMPTY, 1, machineCpu, machineCpu, machineCpu, GaugeHistory.EMPTY),
                Aggregate.trend(BuiltinMetrics.SALVO_LOOP_LAG, Tags.of("worker", "0"), 10, 10 * lagMs, lagMs, lagMs, lag))));
    }

    @Test
    void cpuAbove90PercentFor5SecondsInARowWarnsOnceWithTheNumbers() {
        for (int i = 0; i < 4; i++) second(95, 96, 1);
        second(50, 60, 1); // the streak breaks
        for (int i = 0; i < 4; i++) second(97, 98, 1);
        assertEquals(List.of(), live);
        second(99, 99, 1);
        second(99, 99, 1);
        assertEquals(List.of("generator saturated: CPU above 90% of 2 cores for 5 s (now 99%); latencies may include generator delay"), live);
        assertEquals("generator saturated during the run: CPU above 90% of 2 cores for up to 6 s in a row (max 99%); "
                + "latencies may include generator delay", saturation.verdict());
    }

    @Test
    void lagP99Above50MsOverTenSecondsAfterTheFirstWarnsAndNamesABusyMachine() {
        for (int i = 0; i < 10; i++) second(10, 99, 80); // the first second is warm-up: 9 judged seconds
        assertEquals(List.of(), live);
        second(10, 99, 80);
        assertEquals(1, live.size(), live.toString());
        assertTrue(live.get(0).startsWith("generator saturated: event-loop lag p99 80 ms over the last 10 s (limit 50 ms) "
                + "(the machine's CPU was at 99%: other processes compete for it)"), live.get(0));
    }

    @Test
    void aLightRunSaysNothing() {
        for (int i = 0; i < 30; i++) second(5, 10, 2);
        assertEquals(List.of(), live);
        assertNull(saturation.verdict());
    }
}
