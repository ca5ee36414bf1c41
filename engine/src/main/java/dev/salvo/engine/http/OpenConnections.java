package dev.salvo.engine.http;

import java.util.concurrent.atomic.LongAdder;

/** How many client connections this process has open now, for the {@code salvo_connections} gauge. */
public final class OpenConnections {
    private static final LongAdder OPEN = new LongAdder();

    private OpenConnections() {}

    public static void opened() {
        OPEN.increment();
    }

    public static void closed() {
        OPEN.decrement();
    }

    public static long count() {
        return OPEN.sum();
    }
}
