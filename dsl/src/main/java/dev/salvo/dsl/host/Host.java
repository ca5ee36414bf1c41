package dev.salvo.dsl.host;

import dev.salvo.engine.http.Compression;
import dev.salvo.engine.http.ExpectedStatuses;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.Multipart;
import dev.salvo.engine.http.TlsConfig;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricNames;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.ws.WsParams;
import dev.salvo.engine.llm.LlmChat;
import dev.salvo.engine.sse.SseParams;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of salvo's JavaScript modules, bound as {@code __salvo} in each context. It only
 * converts arguments and delegates to the engine; it runs on the context's worker thread.
 */
public final class Host {
    private final EventLoop loop;
    private final HostContext run;
    /** What {@code env} holds in this context: the run's environment, with a scenario's {@code env} over it. */
    private final String envJson;
    private final Map<String, Metric> custom = new HashMap<>();
    private final Map<Integer, ScheduledFuture<?>> timers = new HashMap<>();
    private int nextTimer;
    /** {@code http.setResponseCallback()} called by the init code: the default of every VU of this context. */
    private ExpectedStatuses expected = ExpectedStatuses.DEFAULT;
    /** The VU whose code runs now; set by {@link VuState#resume} before every call into JavaScript. */
    VuState current;

    /** A host for a context on {@code loop}; a null loop is the load-time context, which runs no VU code. */
    public Host(EventLoop loop, HostContext run) {
        this(loop, run, run.envJson());
    }

    /** A host whose context's {@code env} is {@code envJson} (a scenario's VUs see their scenario's env). */
    public Host(EventLoop loop, HostContext run, String envJson) {
        this.loop = loop;
        this.run = run;
        this.envJson = envJson;
    }

    public void enter(VuState vu) {
        current = vu;
    }

    void uncaught(PolyglotException e) {
        // An iteration stopped from outside (never yielding at the run's end) is counted as interrupted, not as an error.
        if (e.isInterrupted() || e.isCancelled()) return;
        run.errors().accept(ErrorFormat.iterationError(e.getMessage(), stackOf(e)));
    }

    private static String stackOf(PolyglotException e) {
        StringBuilder b = new StringBuilder();
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null && f.getSourceLocation().getSource().getPath() != null) {
                b.append("at x (").append(f.getSourceLocation().getSource().getPath()).append(':')
                        .append(f.getSourceLocation().getStartLine()).append(':')
                        .append(f.getSourceLocation().getStartColumn()).append(")\n");
            }
        }
        return b.toString();
    }

    /** The running VU; VU-only calls made at load time (module init) are refused with a clear message. */
    private VuState running(String what) {
        if (current == null) throw ScriptProblem.error(what + " can only be used inside VU code or setup(), not at module load time");
        return current;
    }

    /** Declares a resource monitor from its options as JSON; returns null, or what is wrong (thrown by the module). */
    @HostAccess.Export
    public String monitor(String kind, String optionsJson) {
        if (current != null) return "monitor." + kind + "() belongs in the init code (at module top level), not in VU code";
        try {
            return run.monitors().declare(kind, JsonMaps.tree(optionsJson));
        } catch (java.io.IOException e) {
            return "monitor." + kind + "(): options are not JSON: " + e.getMessage();
        }
    }

    @HostAccess.Export
    public String envJson() {
        return envJson;
    }

    @HostAccess.Export
    public void sleep(double ms, Value resolve) {
        VuState vu = running("sleep()");
        loop.schedule(() -> vu.resume(resolve, null), (long) (ms * 1000), TimeUnit.MICROSECONDS);
    }

    @HostAccess.Export
    public int setTimer(Value fn, double ms, boolean repeat) {
        VuState vu = running("setTimeout()/setInterval()");
        int id = ++nextTimer;
        long micros = Math.max(0, (long) (ms * 1000));
        Runnable call = () -> {
            if (!timers.containsKey(id)) return; // cleared after it fired, before a blocking VU ran it
            if (!repeat) timers.remove(id);
            vu.resume(fn, null);
        };
        // As the VU: on a blocking VU's thread, which owns the timers then
        Runnable fire = () -> vu.post(call);
        timers.put(id, repeat
                ? loop.scheduleAtFixedRate(fire, Math.max(micros, 1000), Math.max(micros, 1000), TimeUnit.MICROSECONDS)
                : loop.schedule(fire, micros, TimeUnit.MICROSECONDS));
        return id;
    }

    @HostAccess.Export
    public void clearTimer(int id) {
        ScheduledFuture<?> f = timers.remove(id);
        if (f != null) f.cancel(false);
    }

    /** Timers set and not yet fired or cleared: a blocking VU's iteration waits for them, as k6's does. */
    public int pendingTimers() {
        return timers.size();
    }

    /**
     * Called by a blocking call of a VU that blocks (the prelude's deferred()): parks its virtual thread until the
     * next event (a response, a timer) and runs it.
     */
    @HostAccess.Export
    public void awaitEvent() {
        VuThread t = running("a blocking call").thread();
        if (t == null) throw ScriptProblem.error("a blocking call on a VU that does not block");
        t.runNext();
    }

    /** Cancels every timer, when the context closes. */
    public void cancelTimers() {
        timers.values().forEach(f -> f.cancel(false));
        timers.clear();
    }

    /** check() was given a Promise (a missing {@code await}): said once per run, at the script line of the check. */
    @HostAccess.Export
    public void promiseChecked(String stack) {
        String where = ErrorFormat.scriptFrame(stack);
        run.metrics().warnOnce("check-promise", (where == null ? "" : where + ": ") + "check() was given a Promise, not a response: "
                + "a missing await? (await http.get(...) before checking it)");
    }

    @HostAccess.Export
    public void check(String name, boolean ok, String tagsJson) {
        VuState vu = running("check()");
        if (tagsJson == null) {
            vu.checkSeries(name).add(ok ? 1 : 0);
        } else {
            vu.services.metrics().add(BuiltinMetrics.CHECKS, vu.checkTags(name).with(Tags.of(JsonMaps.strings(tagsJson))), ok ? 1 : 0);
        }
    }

    /** Defines a custom metric; returns null, or what is wrong (thrown as a TypeError by the module). */
    @HostAccess.Export
    public String defineMetric(String name, String type, boolean isTime) {
        String problem = MetricNames.problem(name);
        if (problem != null) return problem;
        Metric metric = new Metric(name, MetricType.valueOf(type.toUpperCase(java.util.Locale.ROOT)), isTime);
        try {
            custom.put(name, run.metrics().define(metric));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @HostAccess.Export
    public void addSample(String name, double value, String tagsJson) {
        VuState vu = running("metric.add()");
        Metric metric = custom.get(name);
        if (metric == null) throw ScriptProblem.error("metric '" + name + "' is not defined in this context");
        Tags tags = tagsJson == null ? vu.tags() : vu.tags().with(Tags.of(JsonMaps.strings(tagsJson)));
        if (metric.type() == MetricType.TREND) vu.onLoop(() -> run.metrics().add(metric, tags, value));
        else run.metrics().add(metric, tags, value);
    }

    /** Stops the whole run: exit code 108, the message shown. */
    @HostAccess.Export
    public void abort(String message) {
        run.abort().accept(message);
    }

    @HostAccess.Export
    public void checkError(String name, String message) {
        run.errors().accept("check '" + name + "' threw " + message);
    }

    @HostAccess.Export
    public int enterGroup(String name) {
        return running("group()").enterGroup(name);
    }

    @HostAccess.Export
    public void exitGroup(int token) {
        VuState vu = running("group()");
        VuState.EndedGroup ended = vu.exitGroup(token);
        if (ended == null) return;
        double ms = (System.nanoTime() - ended.startNanos()) / 1e6;
        Tags tags = vu.tags().with("group", ended.name());
        vu.onLoop(() -> vu.services.metrics().add(BuiltinMetrics.GROUP_DURATION, tags, ms));
    }

    /** Sends one request; {@code callback} gets its {@link JsResponse}. {@code prepared} is what the module's prepare() makes. */
    @HostAccess.Export
    public void request(Value prepared, Value callback) {
        send(running("HTTP requests"), JsRequest.of(prepared), callback);
    }

    /**
     * {@link #request} without body or params, kept to three arguments: it is what most iterations
     * call, and each argument crosses from JavaScript to Java on every request.
     */
    @HostAccess.Export
    public void send(String method, String url, Value callback) {
        send(running("HTTP requests"), JsRequest.plain(method, url), callback);
    }

    private void send(VuState vu, JsRequest r, Value callback) {
        boolean keepBody = keepBody(r.responseType());
        HttpRequest request = r.toHttp(vu, keepBody, expected(vu, r.expected()));
        // The script resumes in a task of its own, not inside the read that completed the response: the
        // other responses of the same poll are then timed as they came, not after this VU's JavaScript.
        vu.requestSent();
        vu.services.http().send(request, r.jarOf(vu)).thenAccept(res -> loop.execute(() -> {
            vu.requestDone();
            vu.resume(callback, new JsResponse(res, keepBody));
        }));
    }

    /** Sends prepared requests (what prepare() makes) in parallel; {@code callback} gets the responses in order. */
    @HostAccess.Export
    public void batch(Value prepared, Value callback) {
        VuState vu = running("http.batch()");
        int n = (int) prepared.getArraySize();
        List<HttpRequest> requests = new ArrayList<>(n);
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            JsRequest r = JsRequest.of(prepared.getArrayElement(i));
            if (r.jar() != null && !r.jar().isNull()) throw ScriptProblem.type("http.batch(): params.jar is not supported in a batch yet (docs/k6.md)");
            keep[i] = keepBody(r.responseType());
            requests.add(r.toHttp(vu, keep[i], expected(vu, r.expected())));
        }
        vu.requestSent();
        vu.services.http().sendAll(requests).thenAccept(responses -> {
            vu.requestDone();
            JsResponse[] out = new JsResponse[n];
            for (int i = 0; i < n; i++) out[i] = new JsResponse(responses.get(i), keep[i]);
            vu.resume(callback, out);
        });
    }

    /** The set of the inclusive ranges {@code [min, max, ...]}, or what is wrong (thrown as a TypeError by the module). */
    @HostAccess.Export
    public Object expectedStatuses(Value bounds) {
        int[] b = new int[(int) bounds.getArraySize()];
        for (int i = 0; i < b.length; i++) {
            Value v = bounds.getArrayElement(i);
            b[i] = v.fitsInInt() ? v.asInt() : Integer.MAX_VALUE; // out of range either way, and refused
        }
        try {
            return ExpectedStatuses.of(b);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * k6's {@code http.setResponseCallback}: the expected statuses of the running VU's later requests, null for
     * "every request is expected". Called by the init code, it is the default of every VU of this context (with
     * isolation 'worker' they share it, as they all ran that init code); called by VU code, of that VU only.
     */
    @HostAccess.Export
    public void setResponseCallback(Value set) {
        ExpectedStatuses e = set == null || set.isNull() ? ExpectedStatuses.ANY : set.asHostObject();
        if (current == null) expected = e;
        else current.expected = e;
    }

    /** A request's own expected statuses, else its VU's default, else its context's. */
    private ExpectedStatuses expected(VuState vu, Value own) {
        if (own != null && !own.isNull()) return own.asHostObject();
        return vu.expected != null ? vu.expected : expected;
    }

    /** The running VU's cookie jar, for {@code http.cookieJar()}. */
    @HostAccess.Export
    public JsCookieJar cookieJar() {
        return new JsCookieJar(running("http.cookieJar()").services.http().cookies());
    }

    /** k6/html: an HTML document parsed by jsoup, as a selection of its root. */
    @HostAccess.Export
    public JsSelection parseHtml(String html) {
        return JsSelection.parse(html);
    }

    /** A cookie jar of its own ({@code new http.CookieJar()}), for requests that pass it as {@code params.jar}. */
    @HostAccess.Export
    public JsCookieJar newCookieJar() {
        return new JsCookieJar(new dev.salvo.engine.http.CookieJar());
    }

    /** k6/crypto: the hex digest (an HMAC when {@code secret} is not null) of {@code chunks}, strings and ArrayBuffers. */
    @HostAccess.Export
    public String digest(String algorithm, Value secret, Value chunks) {
        return JsCrypto.digest(algorithm, secret, chunks);
    }

    /** Null when request bodies can be compressed with {@code coding}, else what is wrong (thrown as a TypeError by the module). */
    @HostAccess.Export
    public String compressionProblem(String coding) {
        return Compression.problem(coding);
    }

    /** A multipart body from {@code [{ name, filename, contentType, data }, ...]}: filename null for a plain field. */
    @HostAccess.Export
    public MultipartBody multipart(Value parts) {
        List<Multipart.Part> out = new ArrayList<>();
        for (long i = 0; i < parts.getArraySize(); i++) {
            Value p = parts.getArrayElement(i);
            out.add(new Multipart.Part(p.getMember("name").asString(), JsValues.string(p.getMember("filename")),
                    JsValues.string(p.getMember("contentType")), JsValues.body(p.getMember("data"))));
        }
        return new MultipartBody(Multipart.of(out));
    }

    private boolean keepBody(String responseType) {
        return !"none".equals(responseType) && !run.discardBodies();
    }



    /**
     * Opens a WebSocket for the running VU; {@code events} holds the module's handlers, {@code p} the socket's params
     * by name: {@code url, headers, tags} ({@code [name, value, ...]}), {@code subprotocols, compression, timeout,
     * maxMessageSize} (0: the default), {@code insecureSkipTLSVerify}. Returns the socket's methods for the module's
     * {@code Socket}.
     */
    @HostAccess.Export
    public JsSocket wsConnect(Value p, Value events) {
        VuState vu = running("ws.connect()");
        String url = p.getMember("url").asString();
        WsParams params;
        try {
            List<String> protocols = new ArrayList<>();
            Value subprotocols = p.getMember("subprotocols");
            if (subprotocols != null && !subprotocols.isNull()) {
                for (long i = 0; i < subprotocols.getArraySize(); i++) protocols.add(subprotocols.getArrayElement(i).asString());
            }
            int maxMessageSize = p.getMember("maxMessageSize").asInt();
            params = new WsParams(new URI(url), JsValues.headers(p.getMember("headers")), protocols,
                    p.getMember("compression").asBoolean(), JsValues.timeout(p.getMember("timeout")),
                    maxMessageSize <= 0 ? WsParams.DEFAULT_MAX_MESSAGE_SIZE : maxMessageSize,
                    JsValues.tags(vu, p.getMember("tags")), wsTls(vu, p.getMember("insecureSkipTLSVerify").asBoolean()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ScriptProblem.type("ws.connect('" + url + "'): " + e.getMessage());
        }
        JsSocket socket = new JsSocket(vu, events);
        socket.socket = vu.services.ws().connect(params, socket);
        return socket;
    }

    /** The run's TLS settings; {@code insecureSkipTLSVerify} in a socket's or stream's params also skips certificate checks. */
    private static TlsConfig wsTls(VuState vu, boolean insecureSkipTlsVerify) {
        TlsConfig t = vu.services.http().config().tls();
        return insecureSkipTlsVerify && !t.insecureSkipVerify()
                ? new TlsConfig(true, t.minVersion(), t.maxVersion(), t.cipherSuites(), t.clientCertificates()) : t;
    }

    /**
     * Opens a Server-Sent Events stream for the running VU; {@code events} holds the module's handlers, {@code p} the
     * stream's params by name: {@code url, method, body, headers, tags} ({@code [name, value, ...]}), {@code timeout,
     * idleTimeout, maxEventSize} (0: the default), {@code reconnect, maxReconnects, retry, lastEventId},
     * {@code insecureSkipTLSVerify}. Returns the stream's methods for the module's {@code Stream}.
     */
    @HostAccess.Export
    public JsStream sseOpen(Value p, Value events) {
        VuState vu = running("sse.open()");
        SseParams params = sseParams(vu, p, "sse.open", JsValues.body(p.getMember("body")));
        JsStream stream = new JsStream(vu, events);
        stream.stream = vu.services.sse().open(params, stream);
        return stream;
    }

    /** One streamed chat completion ({@code p} as for {@link #sseOpen}, {@code body} the request's JSON); {@code callback} gets the result. */
    @HostAccess.Export
    public void llmChat(Value p, Value callback) {
        VuState vu = running("llm.chat()");
        byte[] body;
        try {
            body = LlmChat.body(p.getMember("body").asString());
        } catch (IllegalArgumentException e) {
            throw ScriptProblem.type("llm.chat(): " + e.getMessage());
        }
        SseParams params = sseParams(vu, p, "llm.chat", body);
        vu.requestSent();
        LlmChat.start(vu.services.sse(), params, result -> {
            vu.requestDone();
            vu.resume(callback, new JsStream.Chat(result));
        });
    }

    private static SseParams sseParams(VuState vu, Value p, String what, byte[] body) {
        String url = p.getMember("url").asString();
        try {
            int maxEventSize = p.getMember("maxEventSize").asInt();
            Value idle = p.getMember("idleTimeout");
            return new SseParams(p.getMember("method").asString(), vu.uri(url), JsValues.headers(p.getMember("headers")), body,
                    JsValues.timeout(p.getMember("timeout")), idle.isNull() ? null : JsValues.timeout(idle),
                    maxEventSize <= 0 ? SseParams.DEFAULT_MAX_EVENT_SIZE : maxEventSize, JsValues.tags(vu, p.getMember("tags")),
                    wsTls(vu, p.getMember("insecureSkipTLSVerify").asBoolean()), p.getMember("reconnect").asBoolean(),
                    p.getMember("maxReconnects").asInt(), p.getMember("retry").asLong(), JsValues.string(p.getMember("lastEventId")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ScriptProblem.type(what + "('" + url + "'): " + e.getMessage());
        }
    }
}
