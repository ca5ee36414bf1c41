package dev.salvo.dsl.script;

import dev.salvo.dsl.host.ErrorFormat;
import dev.salvo.dsl.host.Completion;
import dev.salvo.dsl.host.Host;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.host.VuState;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.plan.Isolation;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.run.ScriptFailure;
import dev.salvo.engine.run.ScriptRuntime;
import dev.salvo.engine.run.VuServices;
import io.netty.channel.EventLoop;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;


/**
 * Runs VUs as JavaScript: a context per VU by default, or one per worker under
 * {@code isolation: 'worker'}. Called by the engine on each VU's worker thread only.
 */
public final class JsScriptRuntime implements ScriptRuntime {
    /** How long an interrupted script may take to stop before its context is closed under it. */
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(5);
    private final JsScript script;
    private final Isolation isolation;
    private final HostContext run;
    private final String dataJson;
    /**
     * Shared contexts under worker isolation, one per event loop and environment (a scenario with an {@code env} of
     * its own gets contexts of its own); each touched only on its loop's thread.
     */
    private final Map<SharedKey, Shared> shared = new ConcurrentHashMap<>();
    /** The environment JSON of each scenario with an {@code env}, merged once. */
    private final Map<String, String> scenarioEnvs = new ConcurrentHashMap<>();

    /** A shared context's loop, and its scenario's name when that scenario has an env, else "". */
    private record SharedKey(EventLoop loop, String envOf) {}

    /** A context with its host, hooks and module namespace. */
    private record Shared(SharedKey key, Context context, Host host, Value hooks, Value iterate, Value namespace, Value data,
                          int[] users) {}

    /** What a VU's {@link VirtualUser#runtime} holds; {@code completion} is reused by every iteration. */
    private record Bound(VuState state, Shared shared, Completion completion, IterationDone[] done) {}

    public JsScriptRuntime(JsScript script, Isolation isolation, HostContext run, String dataJson) {
        this.script = script;
        this.isolation = isolation;
        this.run = run;
        this.dataJson = dataJson;
    }

    @Override
    public dev.salvo.engine.run.JsCompilations compilations() {
        return script.compilations();
    }

    @Override
    public String runtimeName() {
        return "Interpreted".equals(script.runtimeName()) ? "interpreted" : "compiled";
    }

    /**
     * Evaluates the script once in a throw-away context to read its options and exports; custom
     * metrics its module defines land in {@code run}'s registry.
     */
    public static ScriptInfo inspect(JsScript script, HostContext run) throws ScriptError {
        Host host = new Host(null, run);
        try (Context context = script.newContext(host)) {
            Value hooks = script.hooks(context, host);
            Value ns = script.evalModule(context);
            Set<String> functions = new LinkedHashSet<>();
            for (String key : ns.getMemberKeys()) if (ns.getMember(key).canExecute()) functions.add(key);
            String options = null;
            if (ns.hasMember("options")) {
                try {
                    Value json = hooks.getMember("stringify").execute(ns.getMember("options"));
                    options = json.isNull() ? null : json.asString();
                } catch (PolyglotException e) {
                    throw new ScriptError(script.file().getFileName() + ": options cannot be read as JSON: " + e.getMessage());
                }
            }
            return new ScriptInfo(options, functions);
        }
    }

    private Shared open(SharedKey key, String envJson) throws ScriptFailure {
        EventLoop loop = key.loop();
        Host host = new Host(loop, run, envJson);
        Context context = script.newContext(host);
        try {
            Value hooks = script.hooks(context, host);
            Value ns = script.evalModule(context);
            Value data = hooks.getMember("data").execute(dataJson);
            return new Shared(key, context, host, hooks, hooks.getMember("iterate"), ns, data, new int[1]);
        } catch (ScriptError e) {
            context.close();
            throw new ScriptFailure(e.getMessage());
        } catch (PolyglotException e) {
            context.close();
            throw new ScriptFailure(ErrorFormat.loadError(e));
        }
    }

    @Override
    public void initVu(VirtualUser vu, Scenario scenario, VuServices services) throws ScriptFailure {
        SharedKey key = new SharedKey(vu.loop(), scenario.env().isEmpty() ? "" : scenario.name());
        Shared s = isolation == Isolation.WORKER ? shared.get(key) : null;
        if (s == null) {
            String env = scenario.env().isEmpty() ? run.envJson()
                    : scenarioEnvs.computeIfAbsent(scenario.name(), n -> run.envJson(scenario.env()));
            s = open(key, env);
            if (isolation == Isolation.WORKER) shared.put(key, s);
        }
        s.users()[0]++;
        Value fn = s.namespace().getMember(scenario.exec());
        if (fn == null || !fn.canExecute()) {
            release(s);
            throw new ScriptFailure("scenario '" + scenario.name() + "': the script exports no function '" + scenario.exec() + "'"
                    + ("default".equals(scenario.exec()) ? " (export default async function () { ... })" : ""));
        }
        VuState state = new VuState(vu, services, s.host());
        state.fn = fn;
        state.data = s.data();
        state.vuObject = s.hooks().getMember("newVu").execute(vu.id(), vu.idInScenario(), vu.scenario());
        IterationDone[] done = new IterationDone[1];
        Shared shared = s;
        Completion completion = new Completion(v -> {
            warnIfInFlight(state);
            done[0].done(null);
        }, e -> {
            warnIfInFlight(state);
            done[0].done(describe(shared.hooks(), e));
        });
        // describe() is null for abort(): that iteration ends without an error, the run stops.
        vu.bind(new Bound(state, s, completion, done));
    }

    @Override
    public void iterate(VirtualUser vu, IterationDone done) {
        Bound b = vu.runtime(Bound.class);
        VuState state = b.state();
        Shared s = b.shared();
        b.done()[0] = done;
        state.startIteration();
        state.host().enter(state);
        try {
            s.iterate().execute(state.fn, state.data, state.vuObject, vu.iterations() - 1, b.completion());
        } catch (PolyglotException e) {
            // The heap ran out in the script (not a JavaScript error): the engine stops the run.
            if (VuState.outOfHeap(e)) {
                throw new OutOfMemoryError(e.getMessage());
            }
            done.done(ErrorFormat.iterationError(e.getMessage(), null));
        }
    }

    /** An iteration that ends with requests in flight most often lacks an {@code await}: said once per run. */
    private void warnIfInFlight(VuState state) {
        int n = state.requestsInFlight();
        if (n == 0) return;
        SourceSection at = state.fn.getSourceLocation();
        String where = at == null || at.getSource() == null ? "" : ErrorFormat.display(at.getSource().getPath()) + ":" + at.getStartLine() + ": ";
        run.metrics().warnOnce("requests-in-flight", where + "an iteration of scenario " + state.vuObject.getMember("scenario")
                + " ended with " + n + " request" + (n == 1 ? "" : "s") + " still in flight: a missing await? (await http.get(...))");
    }

    @Override
    public void stopVu(VirtualUser vu, Runnable done) {
        Bound b = vu.runtime(Bound.class);
        if (b == null || b.state().closed()) {
            done.run();
            return;
        }
        VuState state = b.state();
        Value hooks = b.shared().hooks();
        Completion completion = new Completion(v -> done.run(), e -> {
            run.errors().accept(describe(hooks, e));
            done.run();
        });
        state.host().enter(state);
        try {
            hooks.getMember("onStop").execute(state.fn, state.data, state.vuObject, completion);
        } catch (PolyglotException e) {
            run.errors().accept(ErrorFormat.iterationError(e.getMessage(), null));
            done.run();
        }
    }

    @Override
    public void cancel(VirtualUser vu) {
        Bound b = vu.runtime(Bound.class);
        if (b == null) return;
        Context context = b.shared().context();
        try {
            context.interrupt(CANCEL_TIMEOUT);
        } catch (TimeoutException e) {
            context.close(true);
        } catch (IllegalStateException | PolyglotException e) {
            // the context was closed meanwhile: nothing runs in it any more
        }
    }

    static String describe(Value hooks, Value error) {
        try {
            Value d = hooks.getMember("describe").execute(error);
            if (d.isNull()) return null;
            return ErrorFormat.iterationError(d.getMember("message").asString(), d.getMember("stack").asString());
        } catch (PolyglotException e) {
            return String.valueOf(error);
        }
    }

    @Override
    public void closeVu(VirtualUser vu) {
        Bound b = vu.runtime(Bound.class);
        if (b == null) return;
        b.state().close();
        vu.bind(null);
        release(b.shared());
    }

    private void release(Shared s) {
        if (--s.users()[0] > 0) return;
        shared.remove(s.key(), s);
        s.host().cancelTimers();
        s.context().close(true);
    }

    /** VUs in shared contexts per worker, for tests of the isolation modes. */
    Map<EventLoop, Integer> sharedContexts() {
        Map<EventLoop, Integer> out = new HashMap<>();
        shared.forEach((k, v) -> out.merge(k.loop(), v.users()[0], Integer::sum));
        return out;
    }
}
