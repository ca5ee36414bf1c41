package dev.salvo.dsl.host;

import dev.salvo.dsl.script.ErrorFormat;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.metrics.BuiltinMetrics;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricNames;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.plan.Durations;
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
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private final EventLoop loop;
    private final HostContext run;
    private final Map<String, Metric> custom = new HashMap<>();
    private final Map<Integer, ScheduledFuture<?>> timers = new HashMap<>();
    private int nextTimer;
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

    @HostAccess.Export
    public void check(String name, boolean ok, String tagsJson) {
        VuState vu = current;
        Tags tags = vu.checkTags(name);
        if (tagsJson != null) tags = tags.with(Tags.of(JsonMaps.strings(tagsJson)));
        vu.services.metrics().add(BuiltinMetrics.CHECKS, tags, ok ? 1 : 0);
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

    @HostAccess.Export
    public void request(String method, String url, Value body, Value headers, Value tags, Value timeout,
                        int redirects, String responseType, Value callback) {
        VuState vu = running("HTTP requests");
        boolean keepBody = !"none".equals(responseType) && !run.discardBodies();
        HttpRequest request;
        try {
            request = new HttpRequest(method, new URI(url), headers(headers), body(body), timeout(timeout),
                    redirects < 0 ? 10 : redirects, !keepBody, requestTags(vu, tags));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid request to '" + url + "': " + e.getMessage());
        }
        vu.services.http().send(request).thenAccept(r -> vu.resume(callback, new JsResponse(r, keepBody)));
    }

    private static List<Header> headers(Value pairs) {
        if (pairs == null || pairs.isNull()) return List.of();
        List<Header> out = new ArrayList<>((int) pairs.getArraySize() / 2);
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

    private static byte[] body(Value body) {
        if (body == null || body.isNull()) return null;
        if (body.isString()) return body.asString().getBytes(StandardCharsets.UTF_8);
        if (body.hasBufferElements()) {
            byte[] bytes = new byte[(int) body.getBufferSize()];
            body.readBuffer(0, bytes, 0, bytes.length);
            return bytes;
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Duration timeout(Value t) {
        if (t == null || t.isNull()) return DEFAULT_TIMEOUT;
        if (t.isNumber()) return Duration.ofNanos((long) (t.asDouble() * 1e6));
        return Durations.parse(t.asString());
    }
}
