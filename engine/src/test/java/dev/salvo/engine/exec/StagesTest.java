package dev.salvo.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagesTest {
    private static final long S = 1_000_000_000L;
    private final Stages ramp = new Stages(0, List.of(new Stages.Stage(Duration.ofSeconds(10), 10),
            new Stages.Stage(Duration.ofSeconds(5), 10), new Stages.Stage(Duration.ZERO, 0), new Stages.Stage(Duration.ofSeconds(5), 0)));

    @Test
    void targetMovesLinearlyAndAZeroStageJumps() {
        assertEquals(0, ramp.at(0), 1e-9);
        assertEquals(5, ramp.at(5 * S), 1e-9);
        assertEquals(10, ramp.at(12 * S), 1e-9);
        assertEquals(0, ramp.at(16 * S), 1e-9);
        assertEquals(Duration.ofSeconds(20), ramp.total());
        assertEquals(10, ramp.max(), 1e-9);
    }

    @Test
    void timeOfCountInvertsTheIntegralOfTheRate() {
        // Constant 50/s: iteration n is due at n / 50 s.
        Stages constant = new Stages(50, List.of(new Stages.Stage(Duration.ofSeconds(10), 50)));
        assertEquals(S / 50 * 7, constant.timeOfCount(7, S), 10);
        // 0 -> 10/s over 10 s: the count is t^2 / 2, so 8 iterations are due at 4 s, 50 at 10 s.
        assertEquals(4 * S, ramp.timeOfCount(8, S), 1000);
        assertEquals(10 * S, ramp.timeOfCount(50, S), 1000);
        // then 10/s: 60 at 11 s; the rate ends at 15 s (100 in all).
        assertEquals(11 * S, ramp.timeOfCount(60, S), 1000);
        assertEquals(Long.MAX_VALUE, ramp.timeOfCount(101, S));
    }

    @Test
    void untilCutsTheStagesOrHoldsTheLastTargetLonger() {
        Stages cut = ramp.until(5 * S); // halfway up the first ramp
        assertEquals(Duration.ofSeconds(5), cut.total());
        assertEquals(5, cut.at(5 * S), 1e-9);
        assertEquals(2.5, cut.at(2500_000_000L), 1e-9, "the ramp's slope is kept");
        Stages held = new Stages(0, List.of(new Stages.Stage(Duration.ofSeconds(10), 10))).until(30 * S);
        assertEquals(Duration.ofSeconds(30), held.total());
        assertEquals(10, held.at(20 * S), 1e-9, "the last target held");
        assertEquals(5, held.at(5 * S), 1e-9);
        assertEquals(Duration.ofSeconds(15), ramp.until(15 * S).total());
        assertEquals(10, ramp.until(15 * S).at(14 * S), 1e-9, "cut at a stage's end: the zero stage after it goes");
    }
}
