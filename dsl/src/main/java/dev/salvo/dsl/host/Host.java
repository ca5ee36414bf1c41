package dev.salvo.dsl.host;

import dev.salvo.engine.http.Compression;
import dev.salvo.engine.http.ExpectedStatuses;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.Multipart;
import dev.salvo.engine.http.RequestCookie;
import dev.salvo.engine.http.TlsConfig;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricNames;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.config.Durations;
import dev.salvo.engine.ws.WsParams;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final Map<String, Metric> custom = new HashMap<>();
    private final Map<Integer, ScheduledFuture<?>> timers = new HashMap<>();
    private int nextTimer;
    /** {@code http.setResponseCallback()} called by the init code: the default of every VU of this context. */
    private ExpectedStatuses expected = ExpectedStatuses.DEFAULT;
    /** The VU whose code runs now; set by {@link VuState#resume} before every call into JavaScript. */
    VuState current;

    /** A host for a context on {@code loop}; a null loop is the load-time context, which runs no VU code. */
    public Host(EventLoop loop, HostContext run) {
        this.loop = loop;
        this.run = run;
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
        if (current == null) throw new IllegalStateException(what + " can only be used inside VU code or setup(), not at module load time");
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
        return run.envJson();
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
            if (!repeat) timers.remove(id);
            vu.resume(fn, null);
        };
        timers.put(id, repeat
                ? loop.scheduleAtFixedRate(call, Math.max(micros, 1000), Math.max(micros, 1000), TimeUnit.MICROSECONDS)
                : loop.schedule(call, micros, TimeUnit.MICROSECONDS));
        return id;
    }

    @HostAccess.Export
    public void clearTimer(int id) {
        ScheduledFuture<?> f = timers.remove(id);
        if (f != null) f.cancel(false);
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
        VuState vu = current;
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
        Tags tags = tagsJson == null ? vu.tags() : vu.tags().with(Tags.of(JsonMaps.strings(tagsJson)));
        run.metrics().add(metric, tags, value);
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
        return current.enterGroup(name);
    }

    @HostAccess.Export
    public void exitGroup(int token) {
        VuState vu = current;
        Object[] ended = vu.exitGroup(token);
        if (ended == null) return;
        double ms = (System.nanoTime() - (long) ended[1]) / 1e6;
        vu.services.metrics().add(BuiltinMetrics.GROUP_DURATION, vu.tags().with("group", (String) ended[0]), ms);
    }

    /** Sends one request; {@code callback} gets its {@link JsResponse}. The arguments are those the module's prepare() makes. */
    @HostAccess.Export
    public void request(String method, String url, Value body, Value headers, Value tags, Value timeout,
                        int redirects, String responseType, Value cookies, String compression, Value expected, Value callback) {
        VuState vu = running("HTTP requests");
        boolean keepBody = keepBody(responseType);
        HttpRequest request = request(vu, method, url, body, headers, tags, timeout, redirects, keepBody, cookies, compression,
                expected(vu, expected));
        vu.requestSent();
        // The script resumes in a task of its own, not inside the read that completed the response: the
        // other responses of the same poll are then timed as they came, not after this VU's JavaScript.
        vu.services.http().send(request).thenAccept(r -> loop.execute(() -> {
            vu.requestDone();
            vu.resume(callback, new JsResponse(r, keepBody));
        }));
    }

    /**
     * {@link #request} without body or params, kept to three arguments: it is what most iterations
     * call, and each argument crosses from JavaScript to Java on every request.
     */
    @HostAccess.Export
    public void send(String method, String url, Value callback) {
        request(method, url, null, null, null, null, -1, "text", null, null, null, callback);
    }

    /** Sends prepared requests (arrays of request()'s arguments) in parallel; {@code callback} gets the responses in order. */
    @HostAccess.Export
    public void batch(Value prepared, Value callback) {
        VuState vu = running("http.batch()");
        int n = (int) prepared.getArraySize();
        List<HttpRequest> requests = new ArrayList<>(n);
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            Value a = prepared.getArrayElement(i);
            keep[i] = keepBody(a.getArrayElement(7).asString());
            requests.add(request(vu, a.getArrayElement(0).asString(), a.getArrayElement(1).asString(), a.getArrayElement(2),
                    a.getArrayElement(3), a.getArrayElement(4), a.getArrayElement(5), a.getArrayElement(6).asInt(), keep[i],
                    a.getArrayElement(8), a.getArrayElement(9).isNull() ? null : a.getArrayElement(9).asString(),
                    expected(vu, a.getArrayElement(10))));
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

    /** Null when request bodies can be compressed with {@code coding}, else what is wrong (thrown as a TypeError by the module). */
    @HostAccess.Export
    public String compressionProblem(String coding) {
        return Compression.problem(coding);
    }

    /** A multipart body from {@code [name, filename, contentType, data, ...]}: filename null for a plain field. */
    @HostAccess.Export
    public MultipartBody multipart(Value parts) {
        List<Multipart.Part> out = new ArrayList<>();
        for (long i = 0; i + 3 < parts.getArraySize(); i += 4) {
            Value filename = parts.getArrayElement(i + 1);
            Value type = parts.getArrayElement(i + 2);
            out.add(new Multipart.Part(parts.getArrayElement(i).asString(), filename.isNull() ? null : filename.asString(),
                    type.isNull() ? null : type.asString(), body(parts.getArrayElement(i + 3))));
        }
        return new MultipartBody(Multipart.of(out));
    }

    private boolean keepBody(String responseType) {
        return !"none".equals(responseType) && !run.discardBodies();
    }

    private static HttpRequest request(VuState vu, String method, String url, Value body, Value headers, Value tags,
                                       Value timeout, int redirects, boolean keepBody, Value cookies, String compression,
                                       ExpectedStatuses expected) {
        try {
            List<Header> h = headers(headers);
            byte[] bytes = body(body);
            if (compression != null && !compression.isEmpty()) {
                bytes = Compression.encode(compression, bytes);
                h.add(new Header("Content-Encoding", compression.trim()));
            }
            return new HttpRequest(method, vu.uri(url), h, bytes, timeout(timeout),
                    redirects < 0 ? vu.services.http().config().connections().maxRedirects() : redirects, !keepBody, requestTags(vu, tags), cookies(cookies),
                    expected);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid request to '" + url + "': " + e.getMessage());
        }
    }

    /** {@code [name, value, replace, ...]}: replace is "1" to hide the jar's cookie of that name. */
    private static List<RequestCookie> cookies(Value triples) {
        if (triples == null || triples.isNull()) return List.of();
        List<RequestCookie> out = new ArrayList<>();
        for (long i = 0; i + 2 < triples.getArraySize(); i += 3) {
            out.add(new RequestCookie(triples.getArrayElement(i).asString(), triples.getArrayElement(i + 1).asString(),
                    "1".equals(triples.getArrayElement(i + 2).asString())));
        }
        return out;
    }

    /**
     * Opens a WebSocket for the running VU; {@code events} holds the module's handlers. Returns the
     * socket's methods for the module's {@code Socket}.
     */
    @HostAccess.Export
    public JsSocket wsConnect(String url, Value headers, Value tags, Value subprotocols, boolean compression, Value timeout,
                              int maxMessageSize, boolean insecureSkipTlsVerify, Value events) {
        VuState vu = running("ws.connect()");
        WsParams params;
        try {
            List<String> protocols = new ArrayList<>();
            if (subprotocols != null && !subprotocols.isNull()) {
                for (long i = 0; i < subprotocols.getArraySize(); i++) protocols.add(subprotocols.getArrayElement(i).asString());
            }
            params = new WsParams(new URI(url), headers(headers), protocols, compression, timeout(timeout),
                    maxMessageSize <= 0 ? WsParams.DEFAULT_MAX_MESSAGE_SIZE : maxMessageSize,
                    requestTags(vu, tags), wsTls(vu, insecureSkipTlsVerify));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("ws.connect('" + url + "'): " + e.getMessage());
        }
        JsSocket socket = new JsSocket(vu, events);
        socket.socket = vu.services.ws().connect(params, socket);
        return socket;
    }

    /** The run's TLS settings; {@code insecureSkipTLSVerify} in the socket's params also skips certificate checks. */
    private static TlsConfig wsTls(VuState vu, boolean insecureSkipTlsVerify) {
        TlsConfig t = vu.services.http().config().tls();
        return insecureSkipTlsVerify && !t.insecureSkipVerify()
                ? new TlsConfig(true, t.minVersion(), t.maxVersion(), t.cipherSuites(), t.clientCertificates()) : t;
    }

    private static List<Header> headers(Value pairs) {
        List<Header> out = new ArrayList<>(pairs == null || pairs.isNull() ? 1 : (int) pairs.getArraySize() / 2 + 1);
        if (pairs == null || pairs.isNull()) return out;
        for (long i = 0; i + 1 < pairs.getArraySize(); i += 2) {
            out.add(new Header(pairs.getArrayElement(i).asString(), pairs.getArrayElement(i + 1).asString()));
        }
        return out;
    }

    private static Map<String, String> requestTags(VuState vu, Value pairs) {
        // Immutable, so HttpRequest keeps it instead of copying it: most requests carry no tags.
        if (pairs == null || pairs.isNull()) return Map.of("group", vu.group());
        Map<String, String> out = new LinkedHashMap<>();
        out.put("group", vu.group());
        for (long i = 0; i + 1 < pairs.getArraySize(); i += 2) {
            out.put(pairs.getArrayElement(i).asString(), pairs.getArrayElement(i + 1).asString());
        }
        return out;
    }

    static byte[] body(Value body) {
        if (body == null || body.isNull()) return null;
        if (body.isString()) return body.asString().getBytes(StandardCharsets.UTF_8);
        if (body.isHostObject() && body.asHostObject() instanceof MultipartBody m) return m.multipart.body();
        if (body.hasBufferElements()) {
            byte[] bytes = new byte[(int) body.getBufferSize()];
            body.readBuffer(0, bytes, 0, bytes.length);
            return bytes;
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Duration timeout(Value t) {
        if (t == null || t.isNull()) return HttpRequest.DEFAULT_TIMEOUT;
        if (t.isNumber()) return Duration.ofNanos((long) (t.asDouble() * 1e6));
        return Durations.parse(t.asString());
    }
}
