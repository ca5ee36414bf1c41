package dev.salvo.engine.exec;

import io.netty.channel.EventLoop;

/**
 * One virtual user: its identity, its worker, and how many iterations it started. All its code runs
 * on {@link #loop()}; fields other than the identity are touched on that thread only.
 */
public final class VirtualUser {
    private final int id;
    private final int idInScenario;
    private final String scenario;
    private final EventLoop loop;
    private long iterations;
    private volatile boolean active;
    private Object runtime;
    /** Set while an iteration's code runs, including one that was interrupted but has not returned yet. */
    private volatile boolean busy;
    /** Set while a loop of iterations owns this VU (closed models). */
    private volatile boolean looping;
    /** How late the current iteration started against its schedule (open models); -1 when it has none. */
    private long scheduleLagNanos = -1;
    /** Completes when the current iteration ends or is interrupted; owned by the scenario runner. */
    private volatile java.util.concurrent.CompletableFuture<Void> iterationEnd;

    public VirtualUser(int id, int idInScenario, String scenario, EventLoop loop) {
        this.id = id;
        this.idInScenario = idInScenario;
        this.scenario = scenario;
        this.loop = loop;
    }

    /** 1-based, unique in the run. */
    public int id() {
        return id;
    }

    /** 1-based, unique in its scenario. */
    public int idInScenario() {
        return idInScenario;
    }

    public String scenario() {
        return scenario;
    }

    public EventLoop loop() {
        return loop;
    }

    /** Iterations started so far; the current one is {@code iterations() - 1}. */
    public long iterations() {
        return iterations;
    }

    public long startIteration() {
        return iterations++;
    }

    public boolean active() {
        return active;
    }

    public void active(boolean active) {
        this.active = active;
    }

    /** The script runtime's per-VU state (an opaque object owned by whoever created the VU). */
    @SuppressWarnings("unchecked")
    public <T> T runtime() {
        return (T) runtime;
    }

    public void runtime(Object runtime) {
        this.runtime = runtime;
    }

    public boolean busy() {
        return busy;
    }

    public void busy(boolean busy) {
        this.busy = busy;
    }

    public boolean looping() {
        return looping;
    }

    public void looping(boolean looping) {
        this.looping = looping;
    }

    /**
     * Nanoseconds between the current iteration's intended start and its actual start under an
     * open-model executor, -1 under a closed one: what HTTP latencies are corrected by.
     */
    public long scheduleLagNanos() {
        return scheduleLagNanos;
    }

    public void scheduleLagNanos(long lag) {
        this.scheduleLagNanos = lag;
    }

    public java.util.concurrent.CompletableFuture<Void> iterationEnd() {
        return iterationEnd;
    }

    public void iterationEnd(java.util.concurrent.CompletableFuture<Void> end) {
        this.iterationEnd = end;
    }
}
