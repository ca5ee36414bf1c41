package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedStatusesTest {
    @Test
    void theDefaultIsK6s200To399AndNeverANetworkFailure() {
        ExpectedStatuses d = ExpectedStatuses.DEFAULT;
        assertStatuses(d, true, 200, 304, 399);
        assertStatuses(d, false, 0, 199, 400, 503);
    }

    @Test
    void rangesIncludeBothBoundsAndSingleStatusesMatchExactly() {
        ExpectedStatuses e = ExpectedStatuses.of(200, 299, 404, 404);
        assertStatuses(e, true, 200, 299, 404);
        assertStatuses(e, false, 0, 199, 300, 403, 405);
        assertEquals("ExpectedStatuses[200-299, 404]", e.toString());
        assertEquals(ExpectedStatuses.of(200, 299, 404, 404), e);
    }

    @Test
    void anyExpectsEveryStatusEvenANetworkFailure() {
        assertStatuses(ExpectedStatuses.ANY, true, 0, 100, 200, 404, 599);
    }

    @Test
    void badRangesAreRefusedNamingEveryArgument() {
        assertEquals(List.of("argument 1: a status code is between 100 and 999, not 42",
                "argument 3: min 500 is greater than max 400"), ExpectedStatuses.problems(42, 42, 200, 200, 500, 400));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpectedStatuses.of(200, 1000));
        assertEquals("argument 1: a status code is between 100 and 999, not 1000", e.getMessage());
        assertTrue(ExpectedStatuses.problems(200, 299).isEmpty());
        assertFalse(ExpectedStatuses.problems(200).isEmpty());
    }

    @Test
    void aRequestWithoutExpectedStatusesHasTheDefaultOneAndCopiesKeepTheirs() {
        HttpRequest r = HttpRequest.of("GET", URI.create("http://localhost/"));
        assertSame(ExpectedStatuses.DEFAULT, r.expected());
        ExpectedStatuses own = ExpectedStatuses.of(404, 404);
        assertSame(own, r.withExpected(own).expected());
        assertSame(ExpectedStatuses.DEFAULT, r.withExpected(null).expected());
    }

    private static void assertStatuses(ExpectedStatuses set, boolean expected, int... statuses) {
        for (int s : statuses) assertEquals(expected, set.expected(s), set + ", status " + s);
    }
}
