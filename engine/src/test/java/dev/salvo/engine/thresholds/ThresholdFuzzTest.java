package dev.salvo.engine.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random strings from the grammar's alphabet plus junk: parsers return a value or a syntax error with a sane column. */
class ThresholdFuzzTest {
    private static final String[] TOKENS = {"avg", "min", "max", "med", "count", "rate", "value", "growth", "slope", "p",
            "p(", "(", ")", "<", "<=", ">", ">=", "==", "===", "!=", "=", "!", "=>", "0", "95", "99.9", "1e3", "-", "+",
            ".", "e", "E", " ", "\t", "ms", "%", "{", "}", ":", ",", "\"", "'", "name", "x", "é", "\u0000", "\n", "_"};

    private static String randomText(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(5) == 0) b.append((char) r.nextInt(0x250));
            else b.append(TOKENS[r.nextInt(TOKENS.length)]);
        }
        return b.toString();
    }

    @Test
    void conditionParserReturnsAConditionOrASyntaxErrorWithAColumnInsideTheText() {
        Random r = new Random(20240611L);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(r);
            try {
                assertNotNull(ConditionParser.parse(text));
                parsed++;
            } catch (ThresholdSyntaxException x) {
                assertTrue(x.column() >= 1 && x.column() <= text.length() + 1, text + " -> " + x.getMessage());
            } catch (RuntimeException x) {
                fail("'" + text + "' threw " + x, x);
            }
        }
        assertTrue(parsed > 0, "the fuzzer should also produce some valid expressions");
    }

    @Test
    void metricSelectorParserReturnsASelectorOrASyntaxErrorWithAColumnInsideTheText() {
        Random r = new Random(7L);
        for (int i = 0; i < 20_000; i++) {
            String text = (r.nextBoolean() ? "http_reqs{" : "") + randomText(r);
            try {
                assertNotNull(MetricSelector.parse(text));
            } catch (ThresholdSyntaxException x) {
                assertTrue(x.column() >= 1 && x.column() <= text.length() + 1, text + " -> " + x.getMessage());
            } catch (RuntimeException x) {
                fail("'" + text + "' threw " + x, x);
            }
        }
    }

    @Test
    void generatedValidExpressionsAlwaysParseBackToTheirParts() throws Exception {
        Random r = new Random(42L);
        String[] words = {"avg", "min", "max", "med", "count", "rate", "value", "growth", "slope"};
        for (int i = 0; i < 5_000; i++) {
            boolean percentile = r.nextInt(4) == 0;
            double p = Math.round(r.nextDouble() * 1000) / 10.0;
            String agg = percentile ? "p(" + p + ")" : words[r.nextInt(words.length)];
            Operator op = Operator.values()[r.nextInt(Operator.values().length)];
            double limit = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(10));
            String ws = r.nextBoolean() ? " " : "";
            Condition c = ConditionParser.parse(ws + agg + ws + op.symbol() + ws + limit + ws);
            assertEquals(op, c.operator());
            assertEquals(limit, c.limit());
            if (percentile) assertEquals(p, c.percentile());
            else assertEquals(agg, c.aggregationLabel());
        }
    }
}
