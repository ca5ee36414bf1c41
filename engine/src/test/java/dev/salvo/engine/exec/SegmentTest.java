package dev.salvo.engine.exec;

import dev.salvo.engine.plan.Scenario;

import dev.salvo.engine.plan.Plan;

import dev.salvo.engine.plan.Isolation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentTest {
    private static final Duration S10 = Duration.ofSeconds(10);
    private static final Duration S30 = Duration.ofSeconds(30);

    private static List<Segment> all(int n) {
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Segment(i, n));
        return out;
    }

    @Test
    void tenOverThreeIsFourThreeThree() {
        assertEquals(List.of(4L, 3L, 3L), all(3).stream().map(s -> s.share(10L)).toList());
        assertEquals(List.of(0L, 4L, 7L), all(3).stream().map(s -> s.before(10L)).toList());
    }

    @Test
    void slicesAlwaysAddUpToTheWhole() {
        for (int n = 1; n <= 17; n++) {
            for (long total = 0; total <= 200; total++) {
                long sum = 0;
                for (Segment s : all(n)) {
                    long share = s.share(total);
                    assertTrue(share >= total / n && share <= total / n + 1, total + " over " + n);
                    sum += share;
                }
                assertEquals(total, sum, total + " over " + n);
            }
        }
        assertEquals(Integer.MAX_VALUE, all(7).stream().mapToLong(s -> s.share((long) Integer.MAX_VALUE)).sum());
    }

    @Test
    void parsesZeroBasedIndexOfCount() {
        assertEquals(new Segment(0, 3), Segment.parse("0/3"));
        assertEquals(new Segment(2, 3), Segment.parse(" 2/3 "));
        for (String bad : List.of("3/3", "4/3", "0/0", "1/0", "-1/3", "a/b", "1", "1/2/3", "", "1 / 3", "0.5/2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Segment.parse(bad), bad);
            assertTrue(e.getMessage().contains("0") || e.getMessage().contains("I/N"), e.getMessage());
        }
    }

    @Test
    void aSequenceCutsUnequalSlicesThatStillAddUp() {
        Segment s = Segment.ofSequence(0, "0, 1/4, 1/2, 1");
        assertEquals(3, s.count());
        assertEquals("0,1/4,1/2,1", s.sequence());
        assertEquals(List.of(3L, 2L, 5L), List.of(s.share(10L), s.at(1).share(10L), s.at(2).share(10L)));
        assertEquals(List.of(25.0, 25.0, 50.0), List.of(s.share(100.0), s.at(1).share(100.0), s.at(2).share(100.0)));
        for (long total = 0; total < 300; total++) {
            assertEquals(total, s.share(total) + s.at(1).share(total) + s.at(2).share(total));
        }
        assertTrue(Segment.ofSequence(1, "0,1/2,1").equal());
        assertTrue(!s.equal());
        assertEquals(new Segment(1, 2), Segment.ofSequence(1, "0,2/4,1"), "fractions in lowest terms");
        for (String bad : List.of("0,1/2", "1/4,1", "0,1/2,1/4,1", "0,1/2,1/2,1", "0,x,1", "0,1/0,1", "0", "0,-1/2,1", "0,0.5,1")) {
            assertThrows(IllegalArgumentException.class, () -> Segment.ofSequence(0, bad), bad);
        }
    }

    private static <E extends Executor> List<E> slices(Executor whole, int n, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (Segment s : all(n)) {
            Executor e = whole.segment(s);
            if (e != null) out.add(type.cast(e));
        }
        return out;
    }

    private static <E> long sum(List<E> list, Function<E, Number> f) {
        return list.stream().mapToLong(e -> f.apply(e).longValue()).sum();
    }

    @Test
    void constantVusSplitsTheVus() {
        List<ConstantVus> s = slices(new ConstantVus(10, S10, S30), 3, ConstantVus.class);
        assertEquals(List.of(4, 3, 3), s.stream().map(ConstantVus::vus).toList());
        assertEquals(S10, s.get(2).duration());
        assertNull(new ConstantVus(1, S10, S30).segment(new Segment(1, 3)), "a slice without a VU has no work");
    }

    @Test
    void perVuIterationsSplitsVusAndKeepsIterationsPerVu() {
        List<PerVuIterations> s = slices(new PerVuIterations(10, 7, S10, S30), 3, PerVuIterations.class);
        assertEquals(List.of(4, 3, 3), s.stream().map(PerVuIterations::vus).toList());
        assertEquals(70, s.stream().mapToLong(p -> p.vus() * p.iterations()).sum());
    }

    @Test
    void sharedIterationsSplitsIterationsExactlyAndGivesEverySliceWithWorkAVu() {
        List<SharedIterations> s = slices(new SharedIterations(5, 101, S10, S30), 3, SharedIterations.class);
        assertEquals(List.of(34L, 34L, 33L), s.stream().map(SharedIterations::iterations).toList());
        assertEquals(List.of(2, 2, 1), s.stream().map(SharedIterations::vus).toList());
        List<SharedIterations> few = slices(new SharedIterations(1, 2, S10, S30), 3, SharedIterations.class);
        assertEquals(2, sum(few, SharedIterations::iterations));
        few.forEach(x -> assertTrue(x.vus() >= 1 && x.vus() <= x.iterations()));
    }

    @Test
    void rampingVusSplitsStartAndEveryTarget() {
        Stages stages = new Stages(5, List.of(new Stages.Stage(S10, 10), new Stages.Stage(S10, 20), new Stages.Stage(S10, 0)));
        List<RampingVus> s = slices(new RampingVus(stages, S30, S30), 3, RampingVus.class);
        assertEquals(List.of(2.0, 2.0, 1.0), s.stream().map(r -> r.stages().start()).toList());
        for (int i = 0; i < 3; i++) {
            final int stage = i;
            assertEquals(stages.stages().get(i).target(), s.stream().mapToDouble(r -> r.stages().stages().get(stage).target()).sum());
        }
        assertEquals(List.of(7, 7, 6), s.stream().map(RampingVus::maxVus).toList());
    }

    @Test
    void constantArrivalRateSplitsTheRateProportionallyAndTheVus() {
        List<ConstantArrivalRate> s = slices(new ConstantArrivalRate(100, Duration.ofSeconds(1), S10, 10, 20, S30), 3,
                ConstantArrivalRate.class);
        assertEquals(100, s.stream().mapToDouble(ConstantArrivalRate::rate).sum(), 1e-9);
        assertEquals(List.of(4, 3, 3), s.stream().map(ConstantArrivalRate::preAllocatedVUs).toList());
        assertEquals(List.of(7, 7, 6), s.stream().map(ConstantArrivalRate::maxVUs).toList());
        assertEquals(20, s.stream().mapToInt(ConstantArrivalRate::vuCapacity).sum());
    }

    @Test
    void rampingArrivalRateSplitsStartRateAndTargets() {
        Stages stages = new Stages(30, List.of(new Stages.Stage(S10, 90), new Stages.Stage(S10, 0)));
        List<RampingArrivalRate> s = slices(new RampingArrivalRate(stages, Duration.ofSeconds(1), 4, 8, S30), 4,
                RampingArrivalRate.class);
        assertEquals(4, s.size());
        assertEquals(30, s.stream().mapToDouble(r -> r.stages().start()).sum(), 1e-9);
        assertEquals(90, s.stream().mapToDouble(r -> r.stages().stages().get(0).target()).sum(), 1e-9);
        assertEquals(List.of(1, 1, 1, 1), s.stream().map(RampingArrivalRate::preAllocatedVUs).toList());
        assertEquals(8, s.stream().mapToInt(RampingArrivalRate::maxVUs).sum());
    }

    @Test
    void vuIdsOfSegmentsDoNotOverlap() {
        Plan whole = new Plan(List.of(
                new Scenario("a", new ConstantVus(10, S10, S30), Duration.ZERO, "default", Map.of(), Map.of()),
                new Scenario("b", new ConstantArrivalRate(10, Duration.ofSeconds(1), S10, 2, 7, S30), Duration.ZERO, "default",
                        Map.of(), Map.of())),
                Isolation.VU, false, null, S10, S10, Map.of(), null, List.of());
        int next = 0;
        for (Segment seg : all(3)) {
            assertEquals(next, whole.vuIdOffset(seg), "offset of " + seg);
            next += whole.segment(seg).vuCapacity();
        }
        assertEquals(whole.vuCapacity(), next);
        Plan one = new Plan(List.of(new Scenario("a", new ConstantVus(1, S10, S30), Duration.ZERO, "default", Map.of(), Map.of())),
                Isolation.VU, false, null, S10, S10, Map.of(), null, List.of());
        Plan empty = one.segment(new Segment(2, 3));
        assertTrue(empty.scenarios().isEmpty());
        assertTrue(empty.warnings().get(0).contains("no work in scenario 'a'"), empty.warnings().toString());
    }
}
