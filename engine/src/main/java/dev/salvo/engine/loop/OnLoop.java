package dev.salvo.engine.loop;

import io.netty.channel.EventLoop;

import java.util.concurrent.RejectedExecutionException;

/** Work that must run on a worker's event loop, asked for from any thread. */
public final class OnLoop {
    private OnLoop() {}

    /**
     * Runs {@code task} now when called on {@code loop}, else hands it to the loop; does nothing once the
     * loop has shut down (its channels were closed with it, which is what closing tasks are for).
     */
    public static void runOrSkip(EventLoop loop, Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // the loop is shut down
        }
    }
}
