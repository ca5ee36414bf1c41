package dev.salvo.engine.http;

/**
 * Phases of one exchange in milliseconds, with k6's meaning; {@code duration} is
 * sending + waiting + receiving.
 */
public record Timings(double blocked, double connecting, double tlsHandshaking, double sending,
        double waiting, double receiving, double duration) {

    public static final Timings ZERO = new Timings(0, 0, 0, 0, 0, 0, 0);
}
