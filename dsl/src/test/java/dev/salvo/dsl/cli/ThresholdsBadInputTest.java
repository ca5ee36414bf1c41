package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad thresholds and bad custom metrics stop {@code salvo run} before any VU starts and fail
 * {@code salvo validate} the same way: exit 3 with a message that says what and where.
 */
class ThresholdsBadInputTest {
    @TempDir Path dir;

    private String withThresholds(String thresholds) throws Exception {
        return script(dir, "thresholds.js", """
                export const options = { iterations: 1, thresholds: { %s } };
                export default function () {}
                """.formatted(thresholds));
    }

    private static void assertRefused(String command, String file, String... expected) {
        Salvo.Result r = Salvo.run(command, file);
        assertEquals(3, r.exit(), r.toString());
        for (String e : expected) assertTrue(r.err().contains(e), "missing '" + e + "': " + r);
        assertFalse(r.out().contains("salvo: running") || r.err().contains("salvo: running"), "nothing runs: " + r);
        assertFalse(r.all().contains("java.lang") || r.all().contains("Exception"), "no Java class names for users: " + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void unknownMetricIsNamedWithTheClosestKnownOne(String command) throws Exception {
        assertRefused(command, withThresholds("http_req_duraton: ['p(95)<500']"),
                "options.thresholds[\"http_req_duraton\"]: unknown metric 'http_req_duraton' (did you mean 'http_req_duration'?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void growthOnATrendIsRefusedNamingWhatAGaugeTakes(String command) throws Exception {
        assertRefused(command, withThresholds("http_req_duration: ['growth<20']"),
                "options.thresholds[\"http_req_duration\"]: 'growth' does not apply to trend metric 'http_req_duration'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void ratePerHourOnARateMetricIsRefused(String command) throws Exception {
        assertRefused(command, withThresholds("checks: ['rate(1h)>5']"),
                "'rate(1h)' does not apply to rate metric 'checks'; a rate takes rate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void percentileWithoutParenthesesIsRefusedAtColumn1(String command) throws Exception {
        assertRefused(command, withThresholds("http_req_duration: ['p95<500']"),
                "options.thresholds[\"http_req_duration\"][0]: 'p95<500':", "at column 1", "write p(95), not p95");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void percentileAbove100IsRefusedAtItsColumn(String command) throws Exception {
        assertRefused(command, withThresholds("http_req_duration: ['p(101)<1']"),
                "options.thresholds[\"http_req_duration\"][0]: 'p(101)<1': percentile must be between 0 and 100 at column 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void missingNumberIsRefusedAtTheEndOfTheExpression(String command) throws Exception {
        assertRefused(command, withThresholds("http_req_failed: ['rate<0.1', 'rate<']"),
                "options.thresholds[\"http_req_failed\"][1]: 'rate<': expected a number at column 6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void rateOnATrendIsRefusedListingWhatATrendTakes(String command) throws Exception {
        assertRefused(command, withThresholds("http_req_duration: ['rate<0.1']"),
                "options.thresholds[\"http_req_duration\"]: 'rate' does not apply to trend metric 'http_req_duration'",
                "avg, min, max, med, p(N)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void customMetricWithAnIllegalNameIsATypeErrorAtModuleLoad(String command) throws Exception {
        String file = script(dir, "name.js", """
                import { Counter } from 'salvo/metrics';
                const hits = new Counter('my-metric');
                export default function () { hits.add(1); }
                """);
        assertRefused(command, file, "TypeError: invalid metric name 'my-metric'", "name.js:2:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void redefiningAMetricWithAnotherTypeIsATypeErrorAtModuleLoad(String command) throws Exception {
        String file = script(dir, "redefine.js", """
                import { Counter, Trend } from 'salvo/metrics';
                const t = new Trend('x');
                const c = new Counter('x');
                export default function () {}
                """);
        assertRefused(command, file, "TypeError: metric 'x' is already defined as a trend, not a counter", "redefine.js:3:");
    }
}
