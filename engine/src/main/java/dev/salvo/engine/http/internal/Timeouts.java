package dev.salvo.engine.http.internal;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The request timeouts of one HTTP session: one task on the event loop, armed for the earliest
 * deadline of the exchanges in flight and re-armed when it fires, instead of a task scheduled and
 * cancelled per request (the loop's priority queue showed in the profile: docs/performance.md).
 * Used on the session's event loop only.
 */
public final class Timeouts {
    private final EventLoop loop;
    private final List<Exchange> pending = new ArrayList<>(1);
    private boolean armed;
    private long armedAt;

    public Timeouts(EventLoop loop) {
        this.loop = loop;
    }

    /** {@code exchange} times out at its {@link Exchange#deadline()} unless removed first. */
    void add(Exchange exchange) {
        pending.add(exchange);
        if (!armed || exchange.deadline() - armedAt < 0) {
            arm(exchange.deadline());
        }
    }

    void remove(Exchange exchange) {
        pending.remove(exchange);
    }

    private void arm(long at) {
        armed = true;
        armedAt = at;
        loop.schedule(() -> fire(at), Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void fire(long at) {
        if (!armed || at != armedAt) {
            return; // an earlier deadline re-armed the task; that one is in charge
        }
        armed = false;
        long now = System.nanoTime();
        List<Exchange> due = new ArrayList<>();
        for (Exchange e : pending) {
            if (e.deadline() - now <= 0) due.add(e);
        }
        for (Exchange e : due) e.onTimeout(); // removes itself
        if (pending.isEmpty()) {
            return;
        }
        long next = pending.get(0).deadline();
        for (Exchange e : pending) {
            if (e.deadline() - next < 0) next = e.deadline();
        }
        if (!armed || next - armedAt < 0) {
            arm(next);
        }
    }
}
