package dev.salvo.dsl.host;

import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.run.VuServices;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import dev.salvo.engine.http.ExpectedStatuses;
import java.util.HashMap;
import java.util.Map;


/**
 * The JavaScript side of one VU: its context's host, its {@code vu} object, the function it runs.
 * Every call from Java into this VU's code goes through {@link #resume}, which marks the VU as the
 * one running (several VUs may share a context) and drops calls after the VU was closed; for a VU
 * that blocks, it runs on the VU's virtual thread ({@link VuThread}).
 */
public final class VuState {
    final VirtualUser vu;
    final VuServices services;
    final Host host;
    private final Deque<String> groups = new ArrayDeque<>();
    private final Deque<Long> groupStarts = new ArrayDeque<>();
    private Tags tags;
    /** Tags of each check in the current group; checks run every iteration, so they are built once. */
    private final Map<String, Tags> checkTags = new HashMap<>();
    /** The {@code checks} series of each check in the current group without tags of its own, looked up once. */
    private final Map<String, Series> checks = new HashMap<>();
    private boolean closed;
    /** Touched on the VU's loop only. */
    private int requestsInFlight;
    private Boolean keepsCookies;
    private String lastUrl;
    private URI lastUri;
    /** The virtual thread of a VU that blocks (--k6-mode sync), null for an async VU, whose code runs on its loop. */
    private VuThread thread;
    /** Set by {@code http.setResponseCallback()} in this VU's code; null: the context's default. */
    ExpectedStatuses expected;
    public Value fn;
    public Value data;
    public Value vuObject;

    public VuState(VirtualUser vu, VuServices services, Host host) {
        this.vu = vu;
        this.services = services;
        this.host = host;
        this.tags = services.tags().with("group", "");
    }

    public VirtualUser vu() {
        return vu;
    }

    public Host host() {
        return host;
    }

    /** This VU's code runs on {@code t} and blocks there: calls into it from a loop are posted to it. */
    public void runsOn(VuThread t) {
        this.thread = t;
    }

    /** The VU's virtual thread, or null for an async VU. */
    public VuThread thread() {
        return thread;
    }

    /** Runs {@code event} as this VU: now (an async VU, on its loop), or on the VU's virtual thread. */
    void post(Runnable event) {
        if (thread == null || thread.isCurrent()) event.run();
        else thread.post(event);
    }

    /**
     * Runs {@code work} on the VU's loop: now for an async VU; a VU that blocks hands it over, in order with its
     * requests. For what belongs to the loop: the HTTP session, and trend samples (a trend keeps a recorder per
     * writing thread, which should be a few per run, not one per VU).
     */
    void onLoop(Runnable work) {
        if (thread == null) work.run();
        else vu.loop().execute(work);
    }

    public boolean closed() {
        return closed;
    }

    /** A request of this VU went out; {@link #requestDone} when its response is back. */
    void requestSent() {
        requestsInFlight++;
    }

    void requestDone() {
        requestsInFlight--;
    }

    /** Requests sent and not answered yet: at the end of an iteration, most often a missing {@code await}. */
    public int requestsInFlight() {
        return requestsInFlight;
    }

    public void close() {
        closed = true;
    }

    /**
     * A new iteration starts: the HTTP session resets what k6 resets (the cookie jar, unless
     * noCookiesReset), except for a {@code user()} function, whose tasks are one visitor's.
     */
    public void startIteration() {
        if (keepsCookies == null) keepsCookies = fn.hasMember("keepsCookies") && fn.getMember("keepsCookies").isBoolean()
                && fn.getMember("keepsCookies").asBoolean();
        // done before the iteration's code runs: a VU's thread may set cookies in the jar the reset clears
        if (!keepsCookies) {
            if (thread == null) services.http().startIteration();
            else CompletableFuture.runAsync(services.http()::startIteration, vu.loop()).join();
        }
    }

    /** Tags of everything this VU records now: its base tags and its current group. */
    Tags tags() {
        return tags;
    }

    Tags checkTags(String name) {
        return checkTags.computeIfAbsent(name, n -> tags.with("check", n));
    }

    /** The {@code checks} series of check {@code name} without tags of its own. */
    Series checkSeries(String name) {
        return checks.computeIfAbsent(name, n -> services.metrics().series(BuiltinMetrics.CHECKS, checkTags(n)));
    }

    String group() {
        return groups.isEmpty() ? "" : groups.peek();
    }

    int enterGroup(String name) {
        groups.push(group() + "::" + name);
        groupStarts.push(System.nanoTime());
        tags = tags.with("group", group());
        checkTags.clear();
        checks.clear();
        return groups.size();
    }

    /** A group this VU left: its path ({@code ::a::b}) and when it was entered ({@link System#nanoTime}). */
    record EndedGroup(String name, long startNanos) {}

    /** Leaves the group entered with {@code token}; returns it, or null. */
    EndedGroup exitGroup(int token) {
        if (groups.size() != token) return null; // unbalanced (interleaved async groups): ignore
        String path = groups.pop();
        long start = groupStarts.pop();
        tags = tags.with("group", group());
        checkTags.clear();
        checks.clear();
        return new EndedGroup(path, start);
    }

    /** Calls {@code fn(arg)} as this VU, unless it was closed; an exception thrown there is reported, not raised. */
    public void resume(Value fn, Object arg) {
        if (thread != null && !thread.isCurrent()) {
            thread.post(() -> resume(fn, arg));
            return;
        }
        if (closed) return;
        host.current = this;
        try {
            fn.execute(arg);
        } catch (PolyglotException e) {
            if (outOfHeap(e)) {
                outOfHeap(new OutOfMemoryError(e.getMessage()));
            } else if (!e.isCancelled() && !closed && (thread == null || !thread.cancelled())) {
                host.uncaught(e);
            }
        } catch (IllegalStateException e) {
            if (!closed) throw e; // a closed context; the VU is gone
        }
    }

    /**
     * Not a script error: reported as a worker dying of it would be (the run stops, says why, exit 96), since the
     * caller of this VU's code (Netty, or the VU's virtual thread) would only log it. Said on the VU's loop, whose
     * handler knows the run.
     */
    public void outOfHeap(OutOfMemoryError oom) {
        Runnable report = () -> {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, oom);
        };
        if (thread == null) report.run();
        else vu.loop().execute(report);
    }

    /** The heap ran out in the script (a stack overflow is a JavaScript RangeError instead). */
    public static boolean outOfHeap(PolyglotException e) {
        return e.isResourceExhausted() && !String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("stack");
    }

    /** The URL parsed; the last one is kept, since most VUs request the same URL again and again. */
    URI uri(String url) throws URISyntaxException {
        if (!url.equals(lastUrl)) {
            lastUri = new URI(url);
            lastUrl = url;
        }
        return lastUri;
    }
}
