package dev.salvo.engine.run;

import dev.salvo.engine.loop.LoopLag;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The worker threads: one Netty event loop each, running both the VUs' JavaScript and their sockets.
 * A worker that dies of an error (an {@code OutOfMemoryError} most often) is reported to
 * {@link #onFatal}, so the run can stop and say why instead of freezing.
 */
public final class Workers implements AutoCloseable {
    private final EventLoopGroup group;
    private final List<EventLoop> loops = new ArrayList<>();
    private volatile Consumer<Throwable> fatal = e -> { };
    private volatile Throwable died;

    public Workers(int count) {
        ThreadFactory threads = new DefaultThreadFactory("salvo-worker", true) {
            @Override
            public Thread newThread(Runnable r) {
                Thread t = super.newThread(r);
                t.setUncaughtExceptionHandler((thread, e) -> {
                    died = e; // needs no memory: seen by {@link #died} even if reporting it runs the heap out again
                    fatal.accept(e);
                });
                return t;
            }
        };
        group = new MultiThreadIoEventLoopGroup(count, threads, LoopLag.timing(NioIoHandler.newFactory()));
        group.forEach(e -> loops.add((EventLoop) e));
    }

    /** Receives the error that ended a worker thread, on that thread. */
    public void onFatal(Consumer<Throwable> fatal) {
        this.fatal = fatal;
    }

    /** The error that ended a worker thread, if one did: for a caller whose {@link #onFatal} may not have run to its end. */
    public Throwable died() {
        return died;
    }

    /** One worker per core, as DESIGN §2 says. */
    public static int defaultCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int size() {
        return loops.size();
    }

    /** Worker {@code i} modulo the number of workers: VUs are spread round-robin. */
    public EventLoop get(int i) {
        return loops.get(Math.floorMod(i, loops.size()));
    }

    public List<EventLoop> loops() {
        return List.copyOf(loops);
    }

    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
