package dev.salvo.engine.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperatorTest {
    @Test
    void everyOperatorComparesObservedWithLimit() {
        assertTrue(Operator.LT.test(1, 2));
        assertFalse(Operator.LT.test(2, 2));
        assertTrue(Operator.LE.test(2, 2));
        assertFalse(Operator.LE.test(3, 2));
        assertTrue(Operator.GT.test(3, 2));
        assertFalse(Operator.GT.test(2, 2));
        assertTrue(Operator.GE.test(2, 2));
        assertFalse(Operator.GE.test(1, 2));
        assertTrue(Operator.EQ.test(2, 2));
        assertFalse(Operator.EQ.test(1, 2));
        assertTrue(Operator.NE.test(1, 2));
        assertFalse(Operator.NE.test(2, 2));
    }

    @Test
    void notANumberNeverPassesEvenNotEqual() {
        for (Operator o : Operator.values()) assertFalse(o.test(Double.NaN, 1), o.symbol());
    }

    @Test
    void symbolsAreK6s() {
        assertEquals("<=", Operator.LE.symbol());
        assertEquals("!=", Operator.NE.symbol());
    }
}
