package dev.salvo.engine.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireCounterHandlerTest {

    @Test
    void countsRawBytesBothWaysAndMarksTheFirstRead() {
        WireCounterHandler counter = new WireCounterHandler();
        EmbeddedChannel ch = new EmbeddedChannel(counter);
        ch.writeOutbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII));
        assertEquals(18, counter.bytesWritten());
        assertFalse(counter.anyRead());
        ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n", StandardCharsets.US_ASCII));
        long first = counter.firstReadNanos();
        ch.writeInbound(Unpooled.copiedBuffer("\r\n", StandardCharsets.US_ASCII));
        assertTrue(counter.anyRead());
        assertEquals(19, counter.bytesRead());
        assertEquals(first, counter.firstReadNanos(), "only the first read marks the first byte");

        counter.reset();
        assertEquals(0, counter.bytesRead());
        assertEquals(0, counter.bytesWritten());
        assertFalse(counter.anyRead());
        releaseAll(ch);
        assertFalse(ch.finish());
    }

    private static void releaseAll(EmbeddedChannel ch) {
        for (Object m; (m = ch.readOutbound()) != null; ) {
            ((ByteBuf) m).release();
        }
        for (Object m; (m = ch.readInbound()) != null; ) {
            ((ByteBuf) m).release();
        }
    }
}
