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
}
