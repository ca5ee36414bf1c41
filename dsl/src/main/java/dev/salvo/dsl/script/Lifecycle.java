package dev.salvo.dsl.script;

import dev.salvo.dsl.host.ErrorFormat;
import dev.salvo.dsl.host.Completion;
import dev.salvo.dsl.host.Host;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.host.VuState;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;import java.util.Objects;


/** Runs the script's {@code setup()} before the VUs and {@code teardown(data)} after them, each in its own context. */
public final class Lifecycle {
    private final JsScript script;
    private final Plan plan;
    private final HostContext run;

    public Lifecycle(JsScript script, Plan plan, HostContext run) {
        this.script = script;
        this.plan = plan;
        this.run = run;
    }

    /** Runs {@code setup()} and returns its result as JSON (null when it returned nothing). */
    public String setup(EventLoop loop) throws ScriptError, InterruptedException {
        return call(loop, "setup", null, plan.setupTimeout());
    }

    public void teardown(EventLoop loop, String dataJson) throws ScriptError, InterruptedException {
        call(loop, "teardown", dataJson, plan.teardownTimeout());
    }

    private String call(EventLoop loop, String name, String dataJson, Duration timeout) throws ScriptError, InterruptedException {
        CompletableFuture<String> result = new CompletableFuture<>();
        Context[] context = new Context[1];
        VuServices services = VuServices.create(loop, Run.httpConfig(plan), run.metrics(), Tags.of("scenario", name));
        loop.execute(() -> {
            Host host = new Host(loop, run);
            try {
                context[0] = script.newContext(host);
                Value hooks = script.hooks(context[0], host);
                Value fn = script.evalModule(context[0]).getMember(name);
                VuState state = new VuState(new VirtualUser(0, 0, name, loop), services, host);
                host.enter(state);
                Completion done = new Completion(
                        v -> result.complete(stringify(hooks, v, name, result)),
                        e -> result.completeExceptionally(new ScriptError(name + "() failed: "
                                + Objects.requireNonNullElse(JsScriptRuntime.describe(hooks, e), "abort() called"))));
                if (dataJson == null) hooks.getMember("call0").execute(fn, done);
                else hooks.getMember("call1").execute(fn, hooks.getMember("data").execute(dataJson), done);
            } catch (ScriptError e) {
                result.completeExceptionally(e);
            } catch (PolyglotException e) {
                result.completeExceptionally(new ScriptError(name + "() failed: " + ErrorFormat.loadError(e)));
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScriptError s) throw s;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ScriptError(name + "() did not finish within " + timeout.toSeconds() + "s (options." + name + "Timeout)");
        } finally {
            loop.execute(() -> {
                services.ws().close();
                services.http().close();
                if (context[0] != null) context[0].close(true);
            });
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
