package dev.salvo.engine.loop;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * How late an event loop may be in seeing the I/O it handles now. A worker runs tasks (the VUs'
 * JavaScript) between its polls for I/O; bytes that arrived meanwhile are only seen at the next
 * poll, so a timestamp taken then can be late by up to the time the loop spent on those tasks.
 * A loop that was idle, blocked in its poll, sees I/O as it arrives: its bound is 0.
 *
 * <p>Samples whose bound is large were measured while salvo itself was busy: they must not be
 * reported as the target's time ({@code http_req_waiting}, {@code http_req_service_time}).
 */
public final class LoopLag {
    private static final FastThreadLocal<Timed> CURRENT = new FastThreadLocal<>();

    private LoopLag() {}

    /** Wraps a loop's I/O handler factory so that {@link #boundNanos()} knows about its polls. */
    public static IoHandlerFactory timing(IoHandlerFactory factory) {
        return new IoHandlerFactory() {
            @Override
            public IoHandler newHandler(io.netty.util.concurrent.ThreadAwareExecutor executor) {
                return new Timed(factory.newHandler(executor));
            }

            @Override
            public boolean isChangingThreadSupported() {
                return factory.isChangingThreadSupported();
            }
        };
    }

    /**
     * On a timed loop's thread, while it handles I/O: how late, at most, the loop is in seeing it
     * (nanoseconds). 0 elsewhere (the demo target's loops, a test's embedded channel).
     */
    public static long boundNanos() {
        Timed t = CURRENT.getIfExists();
        return t == null ? 0 : t.bound;
    }

    /**
     * On a timed loop's thread, outside its own poll: polls for I/O now, again and again, until
     * {@code done} completes or {@code maxNanos} have passed; true if it completed. A loopback connect
     * completes some 40 µs after the dial, but the loop would only see it after the tasks queued behind
     * the dial: polling at once times it as the socket does. Elsewhere it does nothing and returns false.
     */
    public static boolean pollUntil(io.netty.util.concurrent.Future<?> done, long maxNanos) {
        Timed t = CURRENT.getIfExists();
        if (t == null || t.polling) return false;
        long end = System.nanoTime() + maxNanos;
        while (!done.isDone() && System.nanoTime() < end) t.pollNow();
        return done.isDone();
    }

    /** A poll that must not block: the loop has a task to finish. */
    private static final IoHandlerContext NOW = new IoHandlerContext() {
        @Override
        public boolean canBlock() {
            return false;
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return 0;
        }

        @Override
        public long deadlineNanos() {
            return -1;
        }
    };

    /** Delegates everything; notes when each poll began and whether the loop was idle before it. */
    private static final class Timed implements IoHandler {
        private final IoHandler delegate;
        private long lastPollEnd;
        private long bound;
        private boolean polling;

        void pollNow() {
            polling = true;
            bound = 0; // the I/O is seen as soon as it is there
            try {
                delegate.run(NOW);
            } finally {
                polling = false;
                lastPollEnd = System.nanoTime();
            }
        }

        Timed(IoHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void initialize() {
            CURRENT.set(this); // initialize() runs on the loop's own thread
            lastPollEnd = System.nanoTime();
            delegate.initialize();
        }

        @Override
        public int run(IoHandlerContext context) {
            long start = System.nanoTime();
            // canBlock(): no task is waiting, so the poll blocks until I/O comes and sees it at once.
            bound = context.canBlock() ? 0 : start - lastPollEnd;
            polling = true;
            try {
                return delegate.run(context);
            } finally {
                polling = false;
                lastPollEnd = System.nanoTime();
            }
        }

        @Override
        public void prepareToDestroy() {
            delegate.prepareToDestroy();
        }

        @Override
        public void destroy() {
            delegate.destroy();
        }

        @Override
        public IoRegistration register(IoHandle handle) throws Exception {
            return delegate.register(handle);
        }

        @Override
        public void wakeup() {
            delegate.wakeup();
        }

        @Override
        public boolean isCompatible(Class<? extends IoHandle> handleType) {
            return delegate.isCompatible(handleType);
        }
    }
}
