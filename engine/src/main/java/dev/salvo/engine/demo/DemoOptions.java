package dev.salvo.engine.demo;

import java.util.ArrayList;
import java.util.List;

/** Where the demo target listens and how much latency and how many errors it injects. */
public record DemoOptions(String host, int port, long latencyMs, double errorRate) {

    public static DemoOptions defaults() {
        return new DemoOptions("127.0.0.1", 0, 0, 0);
    }

    public DemoOptions withPort(int port) {
        return new DemoOptions(host, port, latencyMs, errorRate);
    }

    public DemoOptions withLatencyMs(long latencyMs) {
        return new DemoOptions(host, port, latencyMs, errorRate);
    }

    public DemoOptions withErrorRate(double errorRate) {
        return new DemoOptions(host, port, latencyMs, errorRate);
    }

    /** Every problem with these options, empty when they are usable. */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (host == null || host.isBlank()) {
            errors.add("demo.host: must not be empty");
        }
        if (port < 0 || port > 65535) {
            errors.add("demo.port: must be between 0 and 65535, was " + port);
        }
        if (latencyMs < 0) {
            errors.add("demo.latencyMs: must be >= 0, was " + latencyMs);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            errors.add("demo.errorRate: must be between 0 and 1, was " + errorRate);
        }
        return errors;
    }
}
