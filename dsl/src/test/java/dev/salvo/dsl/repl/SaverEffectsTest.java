package dev.salvo.dsl.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SaverEffectsTest {
    @Test
    void callsAssignmentsAndStatementsHaveEffectsValuesDoNot() {
        for (String s : new String[] {"x = 1", "x += 1", "i++", "f()", "await sleep(1)", "const a = 1", "if (a) b()", "delete o.k",
                "new Trend('t')"}) {
            assertTrue(Saver.hasEffects(s), s);
        }
        for (String s : new String[] {"1 + 2", "a === b", "a !== b", "a <= b", "res.status >= 200", "'f(x)'", "`x = ${y}`"}) {
            assertFalse(Saver.hasEffects(s), s);
        }
    }
}
