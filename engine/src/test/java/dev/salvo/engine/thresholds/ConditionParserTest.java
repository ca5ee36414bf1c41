package dev.salvo.engine.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConditionParserTest {
    private static ThresholdSyntaxException fails(String text) {
        return assertThrows(ThresholdSyntaxException.class, () -> ConditionParser.parse(text));
    }

    private static void fails(String text, int column, String message) {
        ThresholdSyntaxException x = fails(text);
        assertEquals(column, x.column(), x.getMessage());
        assertTrue(x.getMessage().contains(message), x.getMessage());
    }

    @Test
    void everyAggregationParses() throws Exception {
        String[][] cases = {{"avg<1", "AVG"}, {"min<1", "MIN"}, {"max<1", "MAX"}, {"med<1", "MED"}, {"p(95)<1", "PERCENTILE"},
                {"count<1", "COUNT"}, {"rate<1", "RATE"}, {"value<1", "VALUE"}, {"growth<20", "GROWTH"}, {"slope<5", "SLOPE"}};
        for (String[] c : cases) {
            Condition parsed = ConditionParser.parse(c[0]);
            assertEquals(Aggregation.valueOf(c[1]), parsed.aggregation(), c[0]);
            assertEquals(c[0], parsed.text());
        }
        assertTrue(Double.isNaN(ConditionParser.parse("avg<1").percentile()));
    }

    @Test
    void unitsAfterTheNumberScaleTheLimitWhereTheAggregationTakesThem() throws Exception {
        assertEquals(5e6, ConditionParser.parse("slope<5MB").limit());
        assertEquals(2 * 1024 * 1024, ConditionParser.parse("slope < 2MiB").limit());
        assertEquals(1.5e9, ConditionParser.parse("value<1.5GB").limit());
        assertEquals(20, ConditionParser.parse("growth<20%").limit());
        fails("avg<5MB", 6, "byte units go after value and slope only");
        fails("rate<5%", 7, "only growth takes %");
        fails("slope<5XB", 8, "unexpected 'XB'");
    }

    @Test
    void ratePerPeriodTakesAPositiveDurationWithAUnit() throws Exception {
        Condition c = ConditionParser.parse("rate(1h)>170");
        assertEquals("rate(1h)", c.aggregationLabel());
        assertEquals(3600, c.perSeconds());
        assertEquals(90, ConditionParser.parse("rate( 1m30s )>1").perSeconds());
        fails("rate(60)>1", 6, "expected a duration with a unit");
        fails("rate(0s)>1", 6, "must be above 0");
        fails("rate(1h>1", 6, "expected a duration with a unit");
        fails("rate(1h 2)>1", 9, "expected ')'");
    }

    @Test
    void everyOperatorParsesIncludingK6sTripleEquals() throws Exception {
        String[][] cases = {{"<", "LT"}, {"<=", "LE"}, {">", "GT"}, {">=", "GE"}, {"==", "EQ"}, {"===", "EQ"}, {"!=", "NE"}};
        for (String[] c : cases) assertEquals(Operator.valueOf(c[1]), ConditionParser.parse("avg" + c[0] + "3").operator(), c[0]);
    }

    @Test
    void percentilesTakeDecimalsAndTheirBounds() throws Exception {
        assertEquals(99.9, ConditionParser.parse("p(99.9)<1").percentile());
        assertEquals("p(99.9)", ConditionParser.parse("p(99.9)<1").aggregationLabel());
        assertEquals(0, ConditionParser.parse("p(0)<1").percentile());
        assertEquals(100, ConditionParser.parse("p(100)<1").percentile());
        assertEquals("p(95)", ConditionParser.parse("p( 95 ) < 1").aggregationLabel());
    }

    @Test
    void numbersTakeIntegersDecimalsNegativesAndExponents() throws Exception {
        assertEquals(500, ConditionParser.parse("avg<500").limit());
        assertEquals(0.01, ConditionParser.parse("rate<0.01").limit());
        assertEquals(-3.5, ConditionParser.parse("value>-3.5").limit());
        assertEquals(1.5e3, ConditionParser.parse("avg<1.5e3").limit());
        assertEquals(2e-3, ConditionParser.parse("rate<2E-3").limit());
        assertEquals(0.5, ConditionParser.parse("rate<.5").limit());
        assertEquals(5, ConditionParser.parse("avg<+5").limit());
    }

    @Test
    void whitespaceIsAllowedBetweenTokens() throws Exception {
        Condition c = ConditionParser.parse("  p(95)  <=\t500 ");
        assertEquals(Operator.LE, c.operator());
        assertEquals(500, c.limit());
        assertEquals("  p(95)  <=\t500 ", c.text());
    }

    @Test
    void percentileWithoutParenthesesGetsAHintAtColumnOne() {
        fails("p95<500", 1, "expected an aggregation (avg, min, max, med, p(N), count, rate, rate(1h), value, growth, slope) at column 1; write p(95), not p95");
        fails("p99.9<500", 1, "write p(99.9), not p99.9");
    }

    @Test
    void unknownAggregationSaysWhatWasExpected() {
        fails("average<5", 1, "expected an aggregation");
        fails("  AVG<5", 3, "did you mean avg?");
        fails("", 1, "expected an aggregation");
        fails("<5", 1, "expected an aggregation");
    }

    @Test
    void percentileOutOfRangeIsRejectedAtItsNumber() {
        fails("p(101)<1", 3, "percentile must be between 0 and 100 at column 3");
        fails("p(-1)<1", 3, "percentile must be between 0 and 100");
        fails("p()<1", 3, "expected a percentile");
        fails("p(95<1", 5, "expected ')'");
        fails("p 95<1", 2, "expected '(' after p");
    }

    @Test
    void missingNumberIsReportedAfterTheOperator() {
        fails("rate<", 6, "expected a number at column 6");
        fails("rate< x", 7, "expected a number");
        fails("avg<1e", 7, "expected the exponent's digits");
        fails("avg<1e999", 5, "number is too large");
        fails("avg<NaN", 5, "expected a number");
    }

    @Test
    void unknownOperatorsAreNamed() {
        fails("avg=5", 4, "unknown operator '=', expected one of <, <=, >, >=, ==, !=");
        fails("avg=>5", 4, "did you mean >=?");
        fails("avg=<5", 4, "did you mean <=?");
        fails("avg<>5", 4, "write != for 'not equal'");
        fails("avg!5", 4, "unknown operator '!'");
        fails("avg 5", 5, "expected an operator");
        fails("avg", 4, "expected an operator");
    }

    @Test
    void trailingGarbageIsRejectedWithUnitHints() {
        fails("avg<500 x", 9, "unexpected 'x' after the number");
        fails("p(95)<500ms", 10, "write 500, not 500ms");
        fails("rate<1%", 7, "write a rate as a fraction");
        fails("avg<1<2", 6, "unexpected '<2'");
    }
}
