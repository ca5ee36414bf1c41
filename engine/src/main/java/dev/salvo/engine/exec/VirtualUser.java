package dev.salvo.engine.exec;

import io.netty.channel.EventLoop;

import java.util.concurrent.CompletableFuture;

/**
 * One virtual user: its identity, its worker, and where it is in its life. All its code runs on
 * {@link #loop()}. The state changes are transitions ({@link #begin}, {@link #returned},
 * {@link #idle}, {@link #claim}) made by the scenario runner and the executors on the VU's loop or
 * the run's clock; the volatile flags are read from any thread (live progress, the {@code vus} gauge).
 */
public final class VirtualUser {
    private final int id;
    private final int idInScenario;
    private final String scenario;
    private final EventLoop loop;
    /** Written on the VU's loop only. */
    private long iterations;
    private volatile boolean active;
    /** Set while an iteration's code runs, including one that was interrupted but has not returned yet. */
    private volatile boolean busy;
    /** Set while a loop of iterations owns this VU (closed models). */
    private volatile boolean looping;
    /** How late the current iteration started against its schedule (open models); -1 when it has none. */
    private long scheduleLagNanos = -1;
    /** Completes when the current iteration ends or is interrupted; owned by the scenario runner. */
    private volatile CompletableFuture<Void> iterationEnd;
    /** The script runtime's per-VU state, owned by whoever bound it. */
    private volatile Object runtime;

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

    /** Running an iteration, as the {@code vus} gauge counts. */
    public boolean active() {
        return active;
    }

    public boolean busy() {
        return busy;
    }

    public boolean looping() {
        return looping;
    }

    /**
     * Nanoseconds between the current iteration's intended start and its actual start under an
     * open-model executor, -1 under a closed one: what HTTP latencies are corrected by.
     */
    public long scheduleLagNanos() {
        return scheduleLagNanos;
    }

    /** What completes when the current iteration ends or is interrupted; null before the first. */
    public CompletableFuture<Void> iterationEnd() {
        return iterationEnd;
    }

    /** A loop of iterations takes this VU (closed models): a ramp does not start it twice. */
    public void claim() {
        looping = true;
    }

    /** An iteration starts, owned by {@code end}, {@code lagNanos} late against its schedule (-1: none). */
    public void begin(CompletableFuture<Void> end, long lagNanos) {
        active = true;
        busy = true;
        iterationEnd = end;
        iterations++;
        scheduleLagNanos = lagNanos;
    }

    /** The iteration's code has returned (it may have been interrupted before). */
    public void returned() {
        busy = false;
    }

    /** No iteration runs for this VU and no loop owns it. */
    public void idle() {
        active = false;
        looping = false;
    }

    /** Binds the script runtime's state to this VU; null unbinds it. */
    public void bind(Object state) {
        this.runtime = state;
    }

    /** The script runtime's state, checked against its type; null when none is bound. */
    public <T> T runtime(Class<T> type) {
        return type.cast(runtime);
    }
}
