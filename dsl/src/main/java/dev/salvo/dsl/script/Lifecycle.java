package dev.salvo.dsl.script;

import dev.salvo.dsl.host.ErrorFormat;
import dev.salvo.dsl.host.Completion;
import dev.salvo.dsl.host.Host;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.host.VuState;
import dev.salvo.dsl.host.VuThread;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.run.Run;
import dev.salvo.engine.run.VuServices;
import io.netty.channel.EventLoop;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Objects;


/**
 * Runs the script's {@code setup()} before the VUs and {@code teardown(data)} after them, each in its
 * own context, for at most {@code options.setupTimeout} / {@code teardownTimeout} (60 s by default) or
 * until {@code stop} completes (Ctrl-C): code that never yields is cancelled then.
 */
public final class Lifecycle {
    /** How long the virtual thread of a hook that blocks may take to close its context. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private final JsScript script;
    private final Plan plan;
    private final HostContext run;

    public Lifecycle(JsScript script, Plan plan, HostContext run) {
        this.script = script;
        this.plan = plan;
        this.run = run;
    }

    /** Runs {@code setup()} and returns its result as JSON (null when it returned nothing). */
    public String setup(EventLoop loop, CompletableFuture<?> stop) throws ScriptError, InterruptedException {
        return call(loop, "setup", null, plan.setupTimeout(), stop);
    }

    public void teardown(EventLoop loop, String dataJson, CompletableFuture<?> stop) throws ScriptError, InterruptedException {
        call(loop, "teardown", dataJson, plan.teardownTimeout(), stop);
    }

    /**
     * k6's {@code handleSummary(data)}: called with k6's summary object (a copy the script may change), for at most
     * two minutes as k6 allows; returns what it returned as JSON.
     */
    public String handleSummary(EventLoop loop, String dataJson, CompletableFuture<?> stop) throws ScriptError, InterruptedException {
        return call(loop, "handleSummary", dataJson, Duration.ofMinutes(2), stop);
    }

    private String call(EventLoop loop, String name, String dataJson, Duration timeout, CompletableFuture<?> stop)
            throws ScriptError, InterruptedException {
        CompletableFuture<String> result = new CompletableFuture<>();
        stop.thenRun(() -> result.completeExceptionally(new ScriptError(name + "() stopped by a signal (Ctrl-C or SIGTERM)")));
        AtomicReference<Context> context = new AtomicReference<>();
        VuServices services = VuServices.create(loop, Run.httpConfig(plan), run.metrics(), Tags.of("scenario", name));
        // A script whose VUs block runs its hooks on a virtual thread too, where they may block
        VuThread thread = script.isSync() ? VuThread.start("salvo-" + name) : null;
        Executor where = thread != null ? thread::submit : loop;
        where.execute(() -> {
            Host host = new Host(loop, run);
            try {
                Context c = script.newContext(host);
                context.set(c);
                Value hooks = script.hooks(c, host);
                Value fn = script.evalModule(c).getMember(name);
                VuState state = new VuState(new VirtualUser(0, 0, name, loop), services, host);
                state.runsOn(thread);
                host.enter(state);
                Completion done = new Completion(
                        v -> result.complete(stringify(hooks, v, name, result)),
                        e -> result.completeExceptionally(new ScriptError(name + "() failed: "
                                + Objects.requireNonNullElse(JsScriptRuntime.describe(hooks, e), "abort() called"))));
                if (dataJson == null) hooks.getMember("call0").execute(fn, done);
                else hooks.getMember("call1").execute(fn, hooks.getMember(name.equals("handleSummary") ? "parse" : "data").execute(dataJson), done);
                if (thread != null) thread.runUntil(result::isDone);
            } catch (VuThread.Cancelled e) {
                // stopped: the result says why
            } catch (ScriptError e) {
                result.completeExceptionally(e);
            } catch (PolyglotException e) {
                if (!result.isDone()) result.completeExceptionally(new ScriptError(name + "() failed: " + ErrorFormat.loadError(e)));
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScriptError s) throw s;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ScriptError(name + "() did not finish within " + Durations.format(timeout) + " (options." + name + "Timeout)");
        } finally {
            // From this thread: a hook that never yields holds its loop until its context is cancelled.
            Context c = context.get();
            if (thread != null) thread.cancel();
            if (!result.isDone() || result.isCompletedExceptionally()) cancel(c);
            where.execute(() -> {
                services.ws().close();
                services.sse().close();
                services.http().close();
                if (c != null) c.close(true);
            });
            // The hook's result is out while its context may still run: the engine closes only after it has
            if (thread != null) {
                thread.exit();
                thread.join(CLOSE_TIMEOUT.toMillis());
            }
        }
    }

    private static void cancel(Context c) {
        if (c == null) return;
        try {
            c.close(true);
        } catch (IllegalStateException | PolyglotException e) {
            // already closed, or closing on its own thread
        }
    }

    private static String stringify(Value hooks, Value v, String name, CompletableFuture<String> result) {
        try {
            Value json = hooks.getMember("stringify").execute(v);
            return json.isNull() ? null : json.asString();
        } catch (PolyglotException e) {
            result.completeExceptionally(new ScriptError(name + "() must return JSON-serialisable data: " + e.getMessage()));
            return null;
        }
    }
}
