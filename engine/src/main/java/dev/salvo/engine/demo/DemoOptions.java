package dev.salvo.engine.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the demo target listens (HTTP on {@code port}, HTTPS and HTTP/2 on {@code httpsPort}; 0 picks a
 * free port), how much latency and how many errors it injects, and how many bytes it keeps per request on
 * purpose ({@code leakPerRequest}), to show a leak gate failing.
 */
public record DemoOptions(String host, int port, int httpsPort, long latencyMs, double errorRate, long leakPerRequest) {
    /** The most a leaking demo target keeps, so that a forgotten leak cannot take the machine down. */
    public static final long MAX_LEAK_BYTES = 1L << 30;
    public static final long MAX_LEAK_PER_REQUEST = 16 << 20;

    /** HTTPS on a free port, no leak. */
    public DemoOptions(String host, int port, long latencyMs, double errorRate) {
        this(host, port, 0, latencyMs, errorRate, 0);
    }

    public static DemoOptions defaults() {
        return new DemoOptions("127.0.0.1", 0, 0, 0);
    }

    public DemoOptions withLeakPerRequest(long bytes) {
        return new DemoOptions(host, port, httpsPort, latencyMs, errorRate, bytes);
    }

    public DemoOptions withPort(int port) {
        return new DemoOptions(host, port, httpsPort, latencyMs, errorRate, leakPerRequest);
    }

    public DemoOptions withHttpsPort(int httpsPort) {
        return new DemoOptions(host, port, httpsPort, latencyMs, errorRate, leakPerRequest);
    }

    public DemoOptions withLatencyMs(long latencyMs) {
        return new DemoOptions(host, port, httpsPort, latencyMs, errorRate, leakPerRequest);
    }

    public DemoOptions withErrorRate(double errorRate) {
        return new DemoOptions(host, port, httpsPort, latencyMs, errorRate, leakPerRequest);
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
        if (httpsPort < 0 || httpsPort > 65535 || (httpsPort != 0 && httpsPort == port)) {
            errors.add("demo.httpsPort: must be between 0 and 65535 and differ from demo.port, was " + httpsPort);
        }
        if (latencyMs < 0) {
            errors.add("demo.latencyMs: must be >= 0, was " + latencyMs);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            errors.add("demo.errorRate: must be between 0 and 1, was " + errorRate);
        }
        if (leakPerRequest < 0 || leakPerRequest > MAX_LEAK_PER_REQUEST) {
            errors.add("demo.leakPerRequest: must be between 0 and " + MAX_LEAK_PER_REQUEST + " bytes, was " + leakPerRequest);
        }
        return errors;
    }
}
