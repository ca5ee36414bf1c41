package dev.salvo.engine.http;

/**
 * Phases of one exchange in milliseconds, with k6's meaning; {@code duration} is
 * sending + waiting + receiving. {@code late} bounds how late salvo's own event loop may have
 * been in seeing the exchange's connect, first byte or last byte ({@link dev.salvo.engine.loop.LoopLag}):
 * the phases it ended may hold up to that much of salvo's time.
 */
public record Timings(double blocked, double connecting, double tlsHandshaking, double sending,
        double waiting, double receiving, double duration, double late) {

    public static final Timings ZERO = new Timings(0, 0, 0, 0, 0, 0, 0, 0);

    /** Above this bound (ms), a sample says more about salvo than about the target. */
    public static final double LATE_MS = 1.0;

    /** True when salvo's loop may have been late by more than {@link #LATE_MS}. */
    public boolean lateBySalvo() {
        return late > LATE_MS;
    }
}
