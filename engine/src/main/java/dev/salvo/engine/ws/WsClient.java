package dev.salvo.engine.ws;

import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.ws.internal.WsConnector;
import dev.salvo.engine.loop.OnLoop;
import io.netty.channel.EventLoop;

import java.util.Objects;

/**
 * The WebSocket client of one virtual user: every socket it opens lives on the VU's event loop
 * (no thread per socket) and is recorded with the VU's tags. Sockets still open when the VU ends
 * are closed by {@link #close()} and counted.
 */
public final class WsClient implements AutoCloseable {
    private final EventLoop loop;
    private final Metrics metrics;
    private final Tags tags;
    /** Made on the first connect: most VUs never open a socket. */
    private WsConnector connector;

    public WsClient(EventLoop loop, Metrics metrics, Tags tags) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.metrics = metrics;
        this.tags = tags;
    }

    /**
     * Opens a socket; {@code listener} hears of its handshake and, at last, of its close. Called on
     * the VU's loop.
     */
    public WsSocket connect(WsParams params, WsListener listener) {
        if (connector == null) connector = new WsConnector(loop, metrics, tags);
        return connector.connect(params, listener);
    }

    /** Sockets opened and not yet closed. */
    public int openSockets() {
        return connector == null ? 0 : connector.openSockets();
    }

    /** Closes every socket still open with 1001, each counted in {@code ws_errors} (1306). */
    @Override
    public void close() {
        WsConnector c = connector;
        if (c != null) OnLoop.runOrSkip(loop, c::closeAll);
    }
}
