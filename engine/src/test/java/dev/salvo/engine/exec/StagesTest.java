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
}
