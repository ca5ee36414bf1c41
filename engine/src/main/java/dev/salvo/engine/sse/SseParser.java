package dev.salvo.engine.sse;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An incremental parser of the {@code text/event-stream} format (WHATWG HTML, "Server-sent events",
 * 9.2.6): fed the body's chunks as they arrive, whatever their boundaries, it keeps only the current
 * line and the event being built. Lines end with CRLF, LF or CR (a CR at the end of one chunk and an LF
 * at the start of the next are one line end); a leading BOM is skipped; comments ({@code :...}) and
 * unknown fields are ignored; an event is dispatched at an empty line when it has data. An event (its
 * lines so far) larger than {@code maxEventSize} bytes stops the parser: {@link #tooBig()}.
 */
public final class SseParser {
    /** Where dispatched events go. */
    public interface Sink {
        void event(SseEvent event);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final Sink sink;
    private final int maxEventSize;
    private byte[] line = new byte[64];
    private int lineLength;
    /** Bytes of the event being built: its earlier lines, with their line ends. */
    private int eventBytes;
    private boolean afterCr;
    /** Bytes of the stream's start compared with the BOM so far; -1 once decided. */
    private int bomSeen;
    private StringBuilder data;
    private String type = "";
    private String idBuffer = "";
    private String lastEventId = "";
    private long retry = -1;
    private long blockRetry = -1;
    private boolean pending;
    private boolean tooBig;

    public SseParser(Sink sink, int maxEventSize) {
        this.sink = sink;
        this.maxEventSize = maxEventSize;
    }

    /** A parser that resumes a stream: the {@code Last-Event-ID} it reconnected with. */
    public SseParser(Sink sink, int maxEventSize, String lastEventId) {
        this(sink, maxEventSize);
        this.lastEventId = lastEventId == null ? "" : lastEventId;
        this.idBuffer = this.lastEventId;
    }

    /** Parses a chunk (not released: the caller owns it); {@code nanos} is when it was read. */
    public void feed(ByteBuf chunk, long nanos) {
        int end = chunk.writerIndex();
        for (int i = chunk.readerIndex(); i < end && !tooBig; i++) {
            byte b = chunk.getByte(i);
            if (bomSeen >= 0) {
                if (b == BOM[bomSeen]) {
                    if (++bomSeen == BOM.length) bomSeen = -1;
                    continue;
                }
                for (int k = 0; k < bomSeen; k++) append(BOM[k]); // not a BOM after all: those bytes are text
                bomSeen = -1;
            }
            if (b == '\n' && afterCr) {
                afterCr = false; // the LF of a CRLF whose CR ended the line already
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(nanos);
            } else {
                append(b);
            }
        }
    }

    /** Convenience for tests and tools: parses bytes read at {@code nanos}. */
    public void feed(byte[] bytes, long nanos) {
        feed(io.netty.buffer.Unpooled.wrappedBuffer(bytes), nanos);
    }

    private void append(byte b) {
        if (lineLength == line.length) line = Arrays.copyOf(line, line.length * 2);
        line[lineLength++] = b;
        if (eventBytes + lineLength > maxEventSize) tooBig = true;
    }

    private void endLine(long nanos) {
        if (lineLength == 0) {
            dispatch(nanos);
            return;
        }
        if (line[0] == ':') { // a comment: not part of any event
            lineLength = 0;
            return;
        }
        eventBytes += lineLength + 1;
        pending = true;
        int colon = -1;
        for (int i = 0; i < lineLength; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        String field;
        String value;
        if (colon < 0) {
            field = text(0, lineLength);
            value = "";
        } else {
            field = text(0, colon);
            int from = colon + 1 < lineLength && line[colon + 1] == ' ' ? colon + 2 : colon + 1;
            value = text(from, lineLength);
        }
        lineLength = 0;
        switch (field) {
            case "data" -> (data == null ? data = new StringBuilder() : data).append(value).append('\n');
            case "event" -> type = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) idBuffer = value;
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() < 18) {
                    retry = Long.parseLong(value);
                    blockRetry = retry;
                }
            }
            default -> { } // ignored, as the spec says
        }
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private void dispatch(long nanos) {
        lastEventId = idBuffer;
        StringBuilder d = data;
        String t = type;
        long r = blockRetry;
        data = null;
        type = "";
        blockRetry = -1;
        eventBytes = 0;
        pending = false;
        if (d == null) return; // no data: nothing is dispatched
        d.setLength(d.length() - 1);
        sink.event(new SseEvent(t.isEmpty() ? "message" : t, d.toString(), lastEventId, r, nanos));
    }

    /** The last event ID: sent as {@code Last-Event-ID} when the stream reconnects. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the stream set with {@code retry:} (ms), or -1. */
    public long retry() {
        return retry;
    }

    /** An event was being built (a line or fields not yet ended by an empty line): at the end of the stream, it is cut. */
    public boolean midEvent() {
        return pending || lineLength > 0 || (bomSeen > 0);
    }

    /** An event grew over {@code maxEventSize}; nothing more is parsed. */
    public boolean tooBig() {
        return tooBig;
    }
}
