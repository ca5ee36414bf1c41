package dev.salvo.engine.exec;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open model shared by both arrival-rate executors: iteration {@code n} is due when the integral
 * of the rate reaches {@code n}, and starts then on a free VU whether or not earlier ones finished.
 * With no free VU the pool grows towards {@code maxVUs} (the iteration starts once its new VU is
 * ready, late, and its latencies carry the lag); at {@code maxVUs} it is dropped, never queued.
 */
final class ArrivalSchedule implements LiveLoad {
    private final ScenarioRun run;
    /** The rate over time; replaced (on the clock thread) when the load changes while it runs. */
    private volatile Stages rate;
    private final long unitNanos;
    private final int maxVus;
    /** How long iterations may run after the schedule's end. */
    private final long gracefulStopNanos;
    private volatile long end;
    private final Deque<VirtualUser> free = new ConcurrentLinkedDeque<>();
    private final AtomicInteger allocated;
    private final AtomicInteger running = new AtomicInteger();
    private final CompletableFuture<Void> scheduleDone = new CompletableFuture<>();
    private final CompletableFuture<Void> allDone = new CompletableFuture<>();
    /** The number of the next iteration (from 0) and when it is due; touched on the clock thread only. */
    private long next;
    private long dueAt;
    /** Counts the changes of the rate: a pump scheduled before the last change is stale. */
    private long generation;

    ArrivalSchedule(ScenarioRun run, Stages rate, Duration timeUnit, int maxVus, Duration gracefulStop) {
        this.run = run;
        this.rate = rate;
        this.unitNanos = timeUnit.toNanos();
        this.maxVus = maxVus;
        this.end = rate.total().toNanos();
        this.gracefulStopNanos = gracefulStop.toNanos();
        free.addAll(run.vus());
        allocated = new AtomicInteger(run.vus().size());
    }

    CompletableFuture<Void> begin() {
        run.live(this);
        dueAt = due(0);
        pump();
        return run.endBy(allDone, () -> end + gracefulStopNanos);
    }

    @Override
    public String unit() {
        return "rate";
    }

    @Override
    public double target() {
        return rate.at(run.elapsedNanos());
    }

    @Override
    public void retarget(double target, Duration ramp) {
        run.schedule(() -> {
            if (scheduleDone.isDone()) return;
            long now = run.elapsedNanos();
            rate = rate.retarget(now, target, Duration.ofNanos(Math.max(0, Math.min(ramp.toNanos(), end - now))));
            end = rate.total().toNanos();
            // the count due by now is the same under the new rate: the next iteration is re-timed by it
            dueAt = due(next);
            generation++;
            pump();
        }, 0);
    }

    @Override
    public long endNanos() {
        return end;
    }

    @Override
    public void endAt(long endNanos) {
        run.schedule(() -> {
            if (scheduleDone.isDone()) return;
            rate = rate.until(endNanos);
            end = endNanos;
            dueAt = due(next);
            generation++;
            pump();
        }, 0);
    }

    /** When iteration {@code n} (from 0) is due: the first at the moment the rate makes it whole. */
    private long due(long n) {
        return n == 0 && rate.start() > 0 ? 0 : rate.timeOfCount(n + (rate.start() > 0 ? 0 : 1), unitNanos);
    }

    /** Starts every iteration due by now, then sleeps until the next one is due. */
    private void pump() {
        long now = run.elapsedNanos();
        long scheduledIn = generation;
        while (dueAt <= now && dueAt < end && !run.stopping()) {
            dispatch(dueAt);
            dueAt = due(++next);
        }
        if (dueAt >= end || run.stopping()) {
            scheduleDone.complete(null);
            maybeDone();
            return;
        }
        run.schedule(() -> {
            if (scheduledIn == generation) pump();
        }, dueAt - now);
    }

    private void dispatch(long intended) {
        VirtualUser vu = free.pollFirst();
        if (vu != null) {
            start(vu, intended);
            return;
        }
        if (allocated.get() >= maxVus) {
            run.dropIteration();
            return;
        }
        allocated.incrementAndGet();
        running.incrementAndGet();
        run.addVu().whenComplete((added, error) -> {
            running.decrementAndGet();
            if (error != null) {
                // The VU's code failed to load: the iteration cannot run; the error is reported by the runtime.
                allocated.decrementAndGet();
                run.dropIteration();
                maybeDone();
                return;
            }
            start(added, intended);
        });
    }

    private void start(VirtualUser vu, long intended) {
        running.incrementAndGet();
        run.iterateOnce(vu, intended).whenComplete((v, e) -> {
            free.addFirst(vu); // most recently used first: its connections are warm
            running.decrementAndGet();
            maybeDone();
        });
    }

    private void maybeDone() {
        if (scheduleDone.isDone() && running.get() == 0) allDone.complete(null);
    }
}
