package dev.salvo.engine.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Error messages with how often each occurred: added from any thread (VU loops), read at the end of a run. */
public final class ErrorCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String message) {
        counts.computeIfAbsent(message, k -> new LongAdder()).increment();
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Every message with its count so far, sorted by message. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((m, n) -> out.put(m, n.sum()));
        return out;
    }
}
