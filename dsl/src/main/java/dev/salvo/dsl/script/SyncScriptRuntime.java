package dev.salvo.dsl.script;

import dev.salvo.dsl.host.Completion;
import dev.salvo.dsl.host.ErrorFormat;
import dev.salvo.dsl.host.Host;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.host.VuState;
import dev.salvo.dsl.host.VuThread;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.plan.Isolation;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.run.JsCompilations;
import dev.salvo.engine.run.ScriptFailure;
import dev.salvo.engine.run.ScriptRuntime;
import dev.salvo.engine.run.VuServices;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs VUs whose code blocks (a k6 script in {@link K6Mode#SYNC}): each VU on a JDK virtual thread of its own
 * ({@link VuThread}) with a context of its own, where a blocking call (a request, {@code sleep}) parks the thread
 * until Netty completes it. The engine's calls arrive on the VU's loop and are handed to the VU's thread; what
 * they report goes back to the loop. Per-VU isolation only.
 */
public final class SyncScriptRuntime implements ScriptRuntime {
    /** How long a VU's code may take to stop at the run's end, and its thread to close its context. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private final JsScript script;
    private final Isolation isolation;
    private final HostContext run;
    private final String dataJson;

    /** What a VU's {@link VirtualUser#runtime} holds: its thread, context and code. Touched on the VU's thread after init. */
    private record Bound(VuThread thread, Context context, Host host, Value hooks, VuState state) {}

    public SyncScriptRuntime(JsScript script, Isolation isolation, HostContext run, String dataJson) {
        this.script = script;
        this.isolation = isolation;
        this.run = run;
        this.dataJson = dataJson;
    }

    /** The runtime {@code script}'s VUs need: this one for a script whose VUs block, else the async {@link JsScriptRuntime}. */
    public static ScriptRuntime of(JsScript script, Isolation isolation, HostContext run, String dataJson) {
        return script.isSync() ? new SyncScriptRuntime(script, isolation, run, dataJson) : new JsScriptRuntime(script, isolation, run, dataJson);
    }

    @Override
    public JsCompilations compilations() {
        return script.compilations();
    }

    @Override
    public String runtimeName() {
        return "Interpreted".equals(script.runtimeName()) ? "interpreted" : "compiled";
    }

    /** Starts the VU's thread and makes its context there; the VU's loop waits for it (init code does no I/O). */
    @Override
    public void initVu(VirtualUser vu, Scenario scenario, VuServices services) throws ScriptFailure {
        if (isolation == Isolation.WORKER) {
            throw new ScriptFailure("options.isolation 'worker' cannot be used with --k6-mode sync: each VU that blocks has a context "
                    + "of its own (drop the option, or run with --k6-mode rewrite)");
        }
        VuThread thread = VuThread.start("salvo-vu-" + vu.id());
        CompletableFuture<Bound> made = new CompletableFuture<>();
        String env = scenario.env().isEmpty() ? run.envJson() : run.envJson(scenario.env());
        thread.submit(() -> {
            try {
                made.complete(open(vu, scenario, services, thread, env));
            } catch (ScriptFailure | RuntimeException e) {
                made.completeExceptionally(e);
            }
        });
        try {
            vu.bind(made.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.exit();
            throw new ScriptFailure("interrupted while the VUs were made");
        } catch (ExecutionException e) {
            thread.exit();
            if (e.getCause() instanceof ScriptFailure f) throw f;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** On the VU's thread. */
    private Bound open(VirtualUser vu, Scenario scenario, VuServices services, VuThread thread, String env) throws ScriptFailure {
        Host host = new Host(vu.loop(), run, env);
        Context context = script.newContext(host);
        try {
            Value hooks = script.hooks(context, host);
            Value ns = script.evalModule(context);
            Value fn = ns.getMember(scenario.exec());
            if (fn == null || !fn.canExecute()) {
                throw new ScriptError("scenario '" + scenario.name() + "': the script exports no function '" + scenario.exec() + "'"
                        + ("default".equals(scenario.exec()) ? " (export default function () { ... })" : ""));
            }
            VuState state = new VuState(vu, services, host);
            state.runsOn(thread);
            state.fn = fn;
            state.data = hooks.getMember("data").execute(dataJson);
            state.vuObject = hooks.getMember("newVu").execute(vu.id(), vu.idInScenario(), vu.scenario());
            return new Bound(thread, context, host, hooks, state);
        } catch (ScriptError e) {
            context.close();
            throw new ScriptFailure(e.getMessage());
        } catch (PolyglotException e) {
            context.close();
            throw new ScriptFailure(ErrorFormat.loadError(e));
        }
    }

    @Override
    public void iterate(VirtualUser vu, IterationDone done) {
        Bound b = vu.runtime(Bound.class);
        long iteration = vu.iterations() - 1;
        b.thread().submit(() -> {
            String error;
            try {
                error = iteration(b, iteration);
            } catch (VuThread.Cancelled e) {
                error = e.getMessage(); // the run interrupted the iteration and does not count it
            }
            String e = error;
            vu.loop().execute(() -> done.done(e));
        });
    }

    /**
     * One iteration on the VU's thread; returns its error, or null. As in k6, it ends once the function has
     * returned (an async one: settled) and the timers it set have fired.
     */
    private String iteration(Bound b, long iteration) {
        VuState state = b.state();
        String[] error = new String[1];
        boolean[] ended = new boolean[1];
        Completion completion = new Completion(v -> ended[0] = true, e -> {
            ended[0] = true;
            error[0] = JsScriptRuntime.describe(b.hooks(), e);
        });
        state.startIteration();
        state.host().enter(state);
        try {
            b.hooks().getMember("iterate").execute(state.fn, state.data, state.vuObject, iteration, completion);
            b.thread().runUntil(() -> ended[0] && b.host().pendingTimers() == 0);
        } catch (PolyglotException e) {
            if (VuState.outOfHeap(e)) state.outOfHeap(new OutOfMemoryError(e.getMessage()));
            return ErrorFormat.iterationError(e.getMessage(), null);
        }
        return error[0];
    }

    @Override
    public void stopVu(VirtualUser vu, Runnable done) {
        Bound b = vu.runtime(Bound.class);
        if (b == null || b.state().closed()) {
            done.run();
            return;
        }
        b.thread().submit(() -> {
            boolean[] ended = new boolean[1];
            Completion completion = new Completion(v -> ended[0] = true, e -> {
                ended[0] = true;
                run.errors().accept(JsScriptRuntime.describe(b.hooks(), e));
            });
            VuState state = b.state();
            state.host().enter(state);
            try {
                b.hooks().getMember("onStop").execute(state.fn, state.data, state.vuObject, completion);
                b.thread().runUntil(() -> ended[0]);
            } catch (PolyglotException e) {
                run.errors().accept(ErrorFormat.iterationError(e.getMessage(), null));
            } finally {
                vu.loop().execute(done);
            }
        });
    }

    /**
     * From another thread, at the run's end: a VU parked in a blocking call is woken to throw, and code that
     * never yields is interrupted; returns once it has stopped, or closes the context under it after a few seconds.
     */
    @Override
    public void cancel(VirtualUser vu) {
        Bound b = vu.runtime(Bound.class);
        if (b == null) return;
        b.thread().cancel();
        try {
            b.context().interrupt(STOP_TIMEOUT);
        } catch (TimeoutException e) {
            b.context().close(true);
        } catch (IllegalStateException | PolyglotException e) {
            // the context was closed meanwhile: nothing runs in it any more
        }
    }

    /** On the VU's loop: the VU's thread closes its context and ends; the loop waits a few seconds at most. */
    @Override
    public void closeVu(VirtualUser vu) {
        Bound b = vu.runtime(Bound.class);
        if (b == null) return;
        b.state().close();
        vu.bind(null);
        b.thread().submit(() -> {
            b.host().cancelTimers();
            b.context().close(true);
        });
        b.thread().exit();
        try {
            if (!b.thread().join(STOP_TIMEOUT.toMillis())) b.context().close(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException | PolyglotException e) {
            // closing on its own thread meanwhile
        }
    }
}
