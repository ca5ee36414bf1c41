package dev.salvo.engine.demo.internal;

import dev.salvo.engine.demo.DemoOptions;
import java.util.concurrent.atomic.LongAdder;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;


/** Everything the demo target's connections share: options, data and counters (all thread-safe). */
public final class DemoState {
    private final DemoOptions options;
    private final ItemStore items = new ItemStore();
    private final TokenIssuer tokens = new TokenIssuer();
    private final LongAdder connections = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final Queue<byte[]> leaked = new ConcurrentLinkedQueue<>();
    private final LongAdder leakedBytes = new LongAdder();
    private final long startNanos = System.nanoTime();

    public DemoState(DemoOptions options) {
        this.options = options;
    }

    DemoOptions options() {
        return options;
    }

    ItemStore items() {
        return items;
    }

    TokenIssuer tokens() {
        return tokens;
    }

    void connectionAccepted() {
        connections.increment();
    }

    /** Counts a request and, when the target leaks on purpose, keeps its bytes (up to {@link DemoOptions#MAX_LEAK_BYTES}). */
    void requestServed() {
        requests.increment();
        long leak = options.leakPerRequest();
        if (leak > 0 && leakedBytes.sum() + leak <= DemoOptions.MAX_LEAK_BYTES) {
            byte[] kept = new byte[(int) leak];
            Arrays.fill(kept, (byte) 1); // touch every page, so the leak shows in the RSS too
            leaked.add(kept);
            leakedBytes.add(leak);
        }
    }

    long leakedBytes() {
        return leakedBytes.sum();
    }

    /** Milliseconds since the target started: the clock of {@code /stall}'s periodic stalls. */
    long uptimeMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public long connectionsAccepted() {
        return connections.sum();
    }

    public long requestsServed() {
        return requests.sum();
    }
}
