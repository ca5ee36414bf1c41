package dev.salvo.engine.sse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The parser against the examples of the spec (WHATWG HTML, 9.2.6 and 9.2.7), each with LF, CRLF and CR
 * line ends, with and without a BOM, fed whole, split in two at every byte, and byte by byte: the events
 * must be the same whatever the chunk boundaries.
 */
class SseParserTest {
    /** An event as the table writes it: type, data, last event ID. */
    private record E(String type, String data, String id) {}

    private static final Map<String, List<E>> SPEC = Map.of(
            // 9.2.6: "The following event stream, once followed by a blank line: ... would cause an event message with
            // the interface MessageEvent to be dispatched on the EventSource object. The event's data attribute would
            // contain the string "YHOO\n+2\n10""
            "data: YHOO\ndata: +2\ndata: 10\n\n",
            List.of(new E("message", "YHOO\n+2\n10", "")),
            // 9.2.7: the first block has just a comment; the second sets the ID to "1"; the third resets it (id
            // without a value); the fourth has a leading space kept (only one space after the colon goes).
            ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n",
            List.of(new E("message", "first event", "1"), new E("message", "second event", ""),
                    new E("message", " third event", "")),
            // 9.2.7: two events, the first with data "", the second "\n"; the last block has no blank line: never sent.
            "data\n\ndata\ndata\n\ndata:",
            List.of(new E("message", "", ""), new E("message", "\n", "")),
            // 9.2.7: the same two events: the space after the colon is optional.
            "data:test\n\ndata: test\n\n",
            List.of(new E("message", "test", ""), new E("message", "test", "")),
            // 9.2.4's example of named events; an unknown field and a retry are ignored for the data.
            "event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\nfoo: bar\n\nevent: add\nretry: 500\ndata: 113411\n\n",
            List.of(new E("add", "73857293", ""), new E("remove", "2153", ""), new E("add", "113411", "")),
            // An id with a NUL is ignored; an id persists over later events; a block without data only sets the id.
            "id: 7\ndata: a\n\nid: x\0y\ndata: b\n\nid: 9\n\ndata: c\n\n",
            List.of(new E("message", "a", "7"), new E("message", "b", "7"), new E("message", "c", "9")),
            // UTF-8 (2-, 3- and 4-byte characters, cut by the splits like anything else).
            "data: é€𝄞\n\n",
            List.of(new E("message", "é€𝄞", "")));

    @Test
    void everyExampleOfTheSpecGivesItsEventsAtEverySplitPointAndWithEveryLineEnd() {
        int cases = 0;
        for (Map.Entry<String, List<E>> example : SPEC.entrySet()) {
            for (String eol : List.of("\n", "\r\n", "\r")) {
                for (boolean bom : new boolean[] {false, true}) {
                    String text = (bom ? "\uFEFF" : "") + example.getKey().replace("\n", eol);
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    String what = "example " + escape(text);
                    assertEquals(example.getValue(), parse(List.of(bytes)), what + " whole");
                    for (int k = 0; k <= bytes.length; k++) {
                        List<byte[]> chunks = List.of(Arrays.copyOfRange(bytes, 0, k), Arrays.copyOfRange(bytes, k, bytes.length));
                        assertEquals(example.getValue(), parse(chunks), what + " split at " + k);
                        cases++;
                    }
                    List<byte[]> single = new ArrayList<>();
                    for (byte b : bytes) single.add(new byte[] {b});
                    assertEquals(example.getValue(), parse(single), what + " byte by byte");
                }
            }
        }
        assertTrue(cases > 1000, "the table ran " + cases + " split cases");
    }

    @Test
    void aCrAtTheEndOfOneChunkAndAnLfAtTheStartOfTheNextAreOneLineEnd() {
        // were they two, the empty "line" between them would dispatch the event early, and split it in two
        assertEquals(List.of(new E("message", "a\nb", "")), parse(List.of(bytes("data: a\r"), bytes("\ndata: b\r"), bytes("\n\r\n"))));
    }

    @Test
    void retryIsKeptForReconnectionOnlyWhenItIsDigits() {
        List<SseEvent> got = new ArrayList<>();
        SseParser p = new SseParser(got::add, 1 << 20);
        p.feed(bytes("retry: 1500\ndata: a\n\nretry: 2s\ndata: b\n\n"), 1);
        assertEquals(1500, p.retry());
        assertEquals(1500, got.get(0).retry());
        assertEquals(-1, got.get(1).retry(), "retry: 2s is not digits: ignored");
    }

    @Test
    void anEventCutBeforeItsEmptyLineIsPendingAndACommentIsNot() {
        SseParser p = new SseParser(e -> {}, 1 << 20);
        p.feed(bytes("data: a\n\n: keep-alive\n"), 1);
        assertFalse(p.midEvent(), "a whole event then a comment: nothing is cut");
        p.feed(bytes("data: b\n"), 2);
        assertTrue(p.midEvent(), "data without its empty line");
        SseParser q = new SseParser(e -> {}, 1 << 20);
        q.feed(bytes("data: half a li"), 1);
        assertTrue(q.midEvent(), "half a line");
    }

    @Test
    void anEventOverTheLimitStopsTheParserWhetherInOneLineOrMany() {
        List<SseEvent> got = new ArrayList<>();
        SseParser p = new SseParser(got::add, 32);
        p.feed(bytes("data: small\n\n"), 1);
        p.feed(bytes("data: " + "x".repeat(40)), 2);
        assertTrue(p.tooBig());
        assertEquals(1, got.size());
        SseParser q = new SseParser(e -> {}, 32);
        q.feed(bytes("data: 0123456789\ndata: 0123456789\ndata: 0123"), 1);
        assertTrue(q.tooBig(), "three lines of one event are over 32 bytes together");
    }

    @Test
    void theTimestampOfAnEventIsWhenItsLastByteWasRead() {
        List<SseEvent> got = new ArrayList<>();
        SseParser p = new SseParser(got::add, 1 << 20);
        p.feed(bytes("data: a"), 10);
        p.feed(bytes("\n\n"), 20);
        assertEquals(20, got.get(0).receivedNanos());
    }

    @Test
    void aResumedStreamKeepsItsLastEventIdUntilTheServerSetsAnother() {
        List<SseEvent> got = new ArrayList<>();
        SseParser p = new SseParser(got::add, 1 << 20, "41");
        p.feed(bytes("data: a\n\nid: 42\ndata: b\n\n"), 1);
        assertEquals("41", got.get(0).id());
        assertEquals("42", p.lastEventId());
    }

    private static List<E> parse(List<byte[]> chunks) {
        List<E> out = new ArrayList<>();
        SseParser p = new SseParser(e -> out.add(new E(e.type(), e.data(), e.id())), 1 << 20);
        long t = 0;
        for (byte[] c : chunks) p.feed(c, ++t);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
