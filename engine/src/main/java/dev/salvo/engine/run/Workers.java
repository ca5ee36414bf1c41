package dev.salvo.engine.run;

import dev.salvo.engine.loop.LoopLag;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The worker threads: one Netty event loop each, running both the VUs' JavaScript and their sockets. */
public final class Workers implements AutoCloseable {
    private final EventLoopGroup group;
    private final List<EventLoop> loops = new ArrayList<>();

    public Workers(int count) {
        group = new MultiThreadIoEventLoopGroup(count, new DefaultThreadFactory("salvo-worker", true),
                LoopLag.timing(NioIoHandler.newFactory()));
        group.forEach(e -> loops.add((EventLoop) e));
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
