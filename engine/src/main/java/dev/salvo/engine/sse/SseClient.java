package dev.salvo.engine.sse;

import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.sse.internal.SseConnector;
import dev.salvo.engine.loop.OnLoop;
import io.netty.channel.EventLoop;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The Server-Sent Events client of one virtual user: every stream it opens lives on the VU's event loop
 * (no thread per stream) and is recorded with the VU's tags. {@code scheduleLag} tells how late the
 * current iteration started against an open model's schedule (-1: a closed model), so that times from
 * a stream's start are measured from its intended start. Streams still open when the VU ends are closed
 * by {@link #close()} and counted.
 */
public final class SseClient implements AutoCloseable {
    private final EventLoop loop;
    private final Metrics metrics;
    private final Tags tags;
    private final String userAgent;
    private final LongSupplier scheduleLag;
    /** Made on the first open: most VUs never open a stream. */
    private SseConnector connector;

    public SseClient(EventLoop loop, Metrics metrics, Tags tags, String userAgent, LongSupplier scheduleLag) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.metrics = metrics;
        this.tags = tags;
        this.userAgent = userAgent;
        this.scheduleLag = scheduleLag == null ? () -> -1 : scheduleLag;
    }

    /** Opens a stream; {@code listener} hears of its events and, at last, of its end. Called on the VU's loop. */
    public SseStream open(SseParams params, SseListener listener) {
        if (connector == null) connector = new SseConnector(loop, metrics, tags, userAgent);
        return connector.open(params, listener, scheduleLag.getAsLong());
    }

    /** Nanoseconds the current iteration started behind its schedule, -1 outside open models. */
    public long scheduleLagNanos() {
        return scheduleLag.getAsLong();
    }

    public Metrics metrics() {
        return metrics;
    }

    public Tags tags() {
        return tags;
    }

    /** Streams opened and not yet ended. */
    public int openStreams() {
        return connector == null ? 0 : connector.openStreams();
    }

    /** Ends every stream still open, each counted in {@code sse_errors} as {@link SseErrorCodes#OPEN_AT_END}. */
    @Override
    public void close() {
        SseConnector c = connector;
        if (c != null) OnLoop.runOrSkip(loop, c::closeAll);
    }
}
