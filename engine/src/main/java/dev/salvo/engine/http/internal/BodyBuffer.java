package dev.salvo.engine.http.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** A growable byte array filled straight from ByteBufs, to avoid a copy per chunk. */
final class BodyBuffer {
    private byte[] bytes = new byte[0];
    private int length;

    void append(ByteBuf buf) {
        int n = buf.readableBytes();
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2)); // a body in one chunk: exact, no copy at the end
        }
        buf.getBytes(buf.readerIndex(), bytes, length, n);
        length += n;
    }

    byte[] toByteArray() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
