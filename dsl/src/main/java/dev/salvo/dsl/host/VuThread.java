package dev.salvo.dsl.host;

import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * One blocking VU's JDK virtual thread and its event queue, k6's model: all of the VU's JavaScript runs on this
 * thread. Tasks ({@link #submit}: init, an iteration, the stop hook) run one after the other at the top level;
 * events ({@link #post}: a response, a timer, a socket message, from a Netty loop) run when the VU's code waits
 * for them inside a blocking call ({@link #runNext}), which parks the virtual thread meanwhile. A task submitted
 * while the VU's code waits runs after the current task, never inside it.
 */
public final class VuThread {
    /** What a blocking call throws once the VU's iteration was cut off (the run's end, Ctrl-C) or the VU closed. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the iteration was stopped (the run ended or was interrupted)", null, false, false);
        }
    }

    private record Entry(Runnable run, boolean task) {}

    private static final Entry WAKE = new Entry(() -> {}, false);
    private static final Entry EXIT = new Entry(() -> {}, true);

    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    /** Tasks taken by {@link #runNext} inside another task: they run after it. Touched by this thread only. */
    private final ArrayDeque<Entry> later = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile boolean exiting;

    private VuThread(String name) {
        this.thread = Thread.ofVirtual().name(name).unstarted(this::loop);
    }

    /** A started thread named {@code name} that runs the tasks submitted to it until {@link #exit}. */
    public static VuThread start(String name) {
        VuThread t = new VuThread(name);
        t.thread.start();
        return t;
    }

    /** From any thread: runs {@code task} at the top level, after the tasks before it. */
    public void submit(Runnable task) {
        queue.add(new Entry(task, true));
    }

    /** From any thread: an event for the VU's code, run when it waits ({@link #runNext}) or between tasks. */
    public void post(Runnable event) {
        queue.add(new Entry(event, false));
    }

    /** True on this VU's thread. */
    public boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /**
     * On this thread, inside a task: waits for the next event and runs it. Throws {@link Cancelled} once the task
     * was cancelled, so a blocking call never outlives its iteration.
     */
    public void runNext() {
        while (true) {
            if (cancelled) throw new Cancelled();
            Entry e = take();
            if (e.task()) {
                later.add(e);
            } else {
                e.run().run();
                return;
            }
        }
    }

    /** On this thread: runs events until {@code done} holds (or the task is cancelled: {@link Cancelled}). */
    public void runUntil(BooleanSupplier done) {
        while (!done.getAsBoolean()) runNext();
    }

    /** From any thread: the task now running (and every blocking call in it) ends with {@link Cancelled}. */
    public void cancel() {
        cancelled = true;
        queue.add(WAKE);
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** From any thread: the current task is cancelled, then the thread ends once the tasks before have run. */
    public void exit() {
        exiting = true;
        cancel();
        queue.add(EXIT);
    }

    /** Waits up to {@code millis} for the thread to end; true when it has. */
    public boolean join(long millis) throws InterruptedException {
        return thread.join(java.time.Duration.ofMillis(millis));
    }

    private Entry take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    private void loop() {
        while (true) {
            Entry e = later.isEmpty() ? take() : later.poll();
            if (e == EXIT) return;
            // A task starts uncancelled, unless the thread is ending: then it only cleans up (its own checks).
            if (e.task() && !exiting) cancelled = false;
            try {
                e.run().run();
            } catch (Cancelled ignored) {
                // the task was cut off; its owner has already moved on
            }
        }
    }
}
