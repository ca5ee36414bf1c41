package dev.salvo.engine.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.metrics.Tags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSelectorTest {
    private static void fails(String text, int column, String message) {
        ThresholdSyntaxException x = assertThrows(ThresholdSyntaxException.class, () -> MetricSelector.parse(text));
        assertEquals(column, x.column(), x.getMessage());
        assertTrue(x.getMessage().contains(message), x.getMessage());
    }

    @Test
    void plainMetricNameSelectsTheWholeMetric() throws Exception {
        MetricSelector s = MetricSelector.parse("http_req_duration");
        assertEquals("http_req_duration", s.metric());
        assertEquals(Map.of(), s.tags());
        assertTrue(s.matches(Tags.of("name", "anything")));
        assertTrue(s.matches(Tags.EMPTY));
    }

    @Test
    void severalTagsAreSortedAndValuesKeepInnerSpaces() throws Exception {
        MetricSelector s = MetricSelector.parse("http_req_duration{name:list items, method : GET }");
        assertEquals(List.of("method", "name"), List.copyOf(s.tags().keySet()));
        assertEquals("list items", s.tags().get("name"));
        assertEquals("GET", s.tags().get("method"));
        assertEquals("http_req_duration{name:list items, method : GET }", s.text());
    }

    @Test
    void valuesMayHoldColonsAndQuotedValuesMayHoldCommasAndBraces() throws Exception {
        assertEquals("http://x:8080/a", MetricSelector.parse("http_reqs{url:http://x:8080/a}").tags().get("url"));
        MetricSelector s = MetricSelector.parse("checks{check:\"a:b, {c}\",'scenario':'x'}");
        assertEquals("a:b, {c}", s.tags().get("check"));
        assertEquals("x", s.tags().get("scenario"));
    }

    @Test
    void matchesWhenEverySelectorTagIsPresentWithItsValue() throws Exception {
        MetricSelector s = MetricSelector.parse("http_req_duration{name:list,method:GET}");
        assertTrue(s.matches(Tags.of("name", "list", "method", "GET", "status", "200")));
        assertFalse(s.matches(Tags.of("name", "list", "method", "POST")));
        assertFalse(s.matches(Tags.of("name", "list")));
    }

    @Test
    void tagWithoutValueIsMalformed() {
        fails("http_req_duration{name}", 23, "expected ':' and a value after tag 'name'");
        fails("http_req_duration{name:}", 24, "expected a value for tag 'name'");
        fails("http_req_duration{}", 19, "expected a tag name");
        fails("http_req_duration{a:b,}", 23, "expected a tag name");
    }

    @Test
    void unclosedBraceOrQuoteIsMalformed() {
        fails("http_req_duration{name:x", 25, "expected '}' to close the '{' at column 18");
        fails("http_req_duration{name", 23, "expected '}'");
        fails("http_req_duration{name:\"x}", 24, "unclosed \" opened");
    }

    @Test
    void illegalMetricNamesFollowK6sRule() {
        fails("http-reqs", 5, "'-' cannot appear in a metric name");
        fails("9lives", 1, "expected a metric name");
        fails("", 1, "expected a metric name");
        fails(" http_reqs", 1, "expected a metric name");
        fails("a".repeat(129), 129, "at most 128 characters");
    }

    @Test
    void textAfterTheClosingBraceAndDuplicateTagsAreRejected() {
        fails("http_reqs{a:b} x", 15, "after '}'");
        fails("http_reqs{a:b,a:c}", 15, "tag 'a' appears twice");
    }
}
