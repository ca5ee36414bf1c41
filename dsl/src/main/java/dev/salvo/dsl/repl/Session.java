package dev.salvo.dsl.repl;

import dev.salvo.dsl.host.Completion;
import dev.salvo.dsl.host.Host;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.host.VuState;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.engine.Version;
import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.TlsConfig;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.run.VuServices;
import io.netty.channel.EventLoop;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.regex.Pattern;


/**
 * The REPL's JavaScript: one context, used only on one worker's event loop (GraalJS contexts are
 * single-threaded). Each input is handed to the loop; the REPL thread waits for its outcome,
 * which for top-level {@code await} is when the promise settles on the loop.
 */
public final class Session implements AutoCloseable {
    private static final String BINDINGS = """
            import http from 'salvo/http';
            import * as salvo from 'salvo';
            import * as metrics from 'salvo/metrics';
            import streams from 'salvo/sse';
            import llm from 'salvo/llm';
            // At the prompt, a stream prints its events and errors as they come, then resolves as in a script.
            const sse = Object.freeze({ ...streams, open(url, params, fn) {
              if (typeof params === 'function' && fn === undefined) [fn, params] = [params, undefined];
              return streams.open(url, params, (stream) => {
                stream.on('event', (e) => console.log(`${e.event}${e.id ? ` #${e.id}` : ''}: ${e.data}`));
                stream.on('error', (e) => console.log(`error ${e.code}: ${e.message}`));
                if (fn) return fn(stream);
              });
            } });
            for (const [k, v] of Object.entries({ http, sse, llm, ...salvo, ...metrics })) {
              if (k !== 'default') Object.defineProperty(globalThis, k, { value: v, writable: true, configurable: true });
            }
            """;

    private static final Pattern AWAIT_CALL = Pattern.compile("\\bawait\\s*\\(");

    /** How an input ended: its printed value, or its error as the user should read it. */
    public record Outcome(boolean ok, String text) {}

    private final JsScript js;
    private final EventLoop loop;
    private final VuServices services;
    private Context context;
    private Value helpers;
    private int inputs;
    private volatile CompletableFuture<Outcome> running;

    public Session(JsScript js, HostContext run, EventLoop loop) throws IOException {
        this(js, run, loop, false);
    }

    /** {@code insecureSkipTlsVerify}: accept any server certificate (k6's --insecure-skip-tls-verify). */
    public Session(JsScript js, HostContext run, EventLoop loop, boolean insecureSkipTlsVerify) throws IOException {
        this.js = js;
        this.loop = loop;
        TlsConfig tls = insecureSkipTlsVerify ? TlsConfig.DEFAULT.insecure() : TlsConfig.DEFAULT;
        this.services = VuServices.create(loop, new HttpConfig("salvo/" + Version.get(), false, Duration.ofSeconds(10),
                tls, null, null, false, 0, 0), run.metrics(), Tags.of("scenario", "repl"));
        Source bindings = Source.newBuilder("js", BINDINGS, "/__salvo__/repl-bindings.mjs").mimeType("application/javascript+module").build();
        Source helpersSource = JsScript.builtin("repl.js");
        onLoop(() -> {
            Host host = new Host(loop, run);
            context = js.newContext(host);
            Value hooks = js.hooks(context, host);
            context.getBindings("js").putMember("vu", hooks.getMember("newVu").execute(1, 1, "repl"));
            host.enter(new VuState(new VirtualUser(1, 1, "repl", loop), services, host));
            context.eval(bindings);
            helpers = context.eval(helpersSource).execute();
            return null;
        });
    }

    /** A syntax checker for the calling thread (the terminal's), sharing the engine. */
    Syntax syntax() {
        return new Syntax(js.parseContext());
    }

    public Path folder() {
        return js.file().getParent();
    }

    /** Whether the last input ran wrapped in an async function (it awaits): its promise is its value's, awaited. */
    private boolean wrapped;

    /** Evaluates one input; blocks until it (and any promise it awaits) settled, or {@link #cancel} was called. */
    public Outcome eval(String input) {
        Rewrite.Code code = Rewrite.of(input);
        String name = "repl" + (++inputs);
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        running = result;
        loop.execute(() -> {
            try {
                Value v = run(code.text(), name, input);
                helpers.getMember("settle").execute(v, code.declaration(), wrapped, new Completion(
                        text -> result.complete(new Outcome(true, text.asString())),
                        e -> result.complete(new Outcome(false, "Uncaught " + describe(e)))));
            } catch (PolyglotException e) {
                result.complete(new Outcome(false, Errors.describe(e, helpers)));
            } catch (RuntimeException e) {
                result.complete(new Outcome(false, "Uncaught " + e.getMessage()));
            }
        });
        return await(result);
    }

    /** Plain script if it parses as one, else an async function (for top-level await); the first that parses runs. */
    private Value run(String code, String name, String input) {
        // a sloppy script reads `await (x)` as a call of a function named await: not a script then
        boolean awaitCall = AWAIT_CALL.matcher(code).find() && !Rewrite.FUNCTION.matcher(code).find();
        List<String> candidates = new ArrayList<>();
        if (!awaitCall) candidates.add(code);
        candidates.add("(async () => (" + code + "\n))()");
        candidates.add("(async () => {" + code + "\n})()");
        for (String candidate : candidates) {
            wrapped = candidate != code;
            Source source = Source.newBuilder("js", candidate, name).buildLiteral();
            try {
                context.parse(source);
            } catch (PolyglotException e) {
                if (e.isSyntaxError()) continue;
                throw e;
            }
            return context.eval(source);
        }
        // none parses: report the error of the input as the user typed it (a module allows await and import)
        context.parse(Source.newBuilder("js", input, name).mimeType("application/javascript+module").buildLiteral());
        wrapped = false;
        return context.eval(Source.newBuilder("js", code, name).buildLiteral());
    }

    private String describe(Value error) {
        return helpers.getMember("describe").execute(error).asString();
    }

    /** Evaluates a module file into the session: its exports become globals. Returns their names. */
    public Outcome load(Path file) {
        return call(() -> {
            Value ns = context.eval(Source.newBuilder("js", file.toFile()).mimeType("application/javascript+module").build());
            context.getBindings("js").getMember("Object").getMember("assign").execute(context.getBindings("js").getMember("globalThis"), ns);
            return String.join(", ", ns.getMemberKeys());
        });
    }

    /** Values print in ANSI colours (strings green, numbers yellow, ...) as Node's REPL prints them. */
    public void colour(boolean on) {
        call(() -> helpers.getMember("colours").execute(on).asString());
    }

    /** Property names of the value a dotted path names (no calls, so no side effects), or the globals for "". */
    public List<String> names(String path) {
        Outcome o = call(() -> {
            Value target = context.getBindings("js").getMember("globalThis");
            if (!path.isEmpty()) {
                for (String part : path.split("\\.")) {
                    if (target == null || target.isNull() || !target.hasMembers()) return "";
                    target = target.getMember(part);
                }
            }
            if (target == null || target.isNull()) return "";
            return helpers.getMember("names").execute(target).asString();
        });
        return o.ok() && !o.text().isEmpty() ? List.of(o.text().split("\n")) : List.of();
    }

    private Outcome call(Callable<String> body) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(new Outcome(true, body.call()));
            } catch (PolyglotException e) {
                result.complete(new Outcome(false, Errors.describe(e, helpers)));
            } catch (Exception e) {
                result.complete(new Outcome(false, String.valueOf(e.getMessage())));
            }
        });
        return await(result);
    }

    private void onLoop(Callable<Void> body) throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                body.call();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get();
        } catch (ExecutionException | InterruptedException e) {
            throw new IOException("the REPL's JavaScript context did not start: " + e.getCause(), e);
        }
    }

    private Outcome await(CompletableFuture<Outcome> result) {
        try {
            return result.get();
        } catch (InterruptedException | ExecutionException e) {
            return new Outcome(false, "interrupted");
        } finally {
            running = null;
        }
    }

    /** Stops waiting for the running input (Ctrl-C); its late result is dropped. */
    public void cancel() {
        CompletableFuture<Outcome> r = running;
        if (r != null) r.complete(new Outcome(false, "cancelled (Ctrl-C)"));
        loop.execute(services.sse()::close); // a stream awaited at the prompt would print on for ever
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            services.ws().close();
            services.sse().close();
            services.http().close();
            if (context != null) context.close(true);
            done.complete(null);
        });
        done.join();
    }
}
