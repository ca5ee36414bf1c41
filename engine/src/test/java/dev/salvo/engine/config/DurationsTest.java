package dev.salvo.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesGoStyleDurationsAndBareSeconds() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofNanos(5_000), Durations.parse("5us"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("45"));
        assertEquals(Duration.ofMillis(2500), Durations.parse(" 2.5 "));
    }

    @Test
    void rejectsMalformedDurationsShowingTheExpectedForm() {
        for (String bad : new String[] {"10x", "", "s", "1m30", "-5s", "1s 2s", "1.s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "' is not a duration"), e.getMessage());
            assertTrue(e.getMessage().contains("30s"), e.getMessage());
        }
    }

    @Test
    void formatsTheWayUsersWriteThem() {
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("2h5m7s", Durations.format(Duration.ofSeconds(2 * 3600 + 5 * 60 + 7)));
        assertEquals("10m30s", Durations.format(Duration.ofSeconds(630)));
    }
}
