package dev.salvo.dsl.host;

import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.config.Durations;
import org.graalvm.polyglot.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions of the values salvo's modules pass to Java: header and tag lists, bodies, timeouts. */
final class JsValues {
    private JsValues() {}

    /** A JavaScript string or null/undefined as a Java string or null. */
    static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    /** {@code [name, value, name, value, ...]} (a list of pairs, as the modules flatten an object) as headers. */
    static List<Header> headers(Value pairs) {
        List<Header> out = new ArrayList<>(pairs == null || pairs.isNull() ? 1 : (int) pairs.getArraySize() / 2 + 1);
        if (pairs == null || pairs.isNull()) return out;
        for (long i = 0; i + 1 < pairs.getArraySize(); i += 2) {
            out.add(new Header(pairs.getArrayElement(i).asString(), pairs.getArrayElement(i + 1).asString()));
        }
        return out;
    }

    /** A request's tags: the VU's group, then {@code [name, value, ...]}. */
    static Map<String, String> tags(VuState vu, Value pairs) {
        // Immutable, so HttpRequest keeps it instead of copying it: most requests carry no tags.
        if (pairs == null || pairs.isNull()) return Map.of("group", vu.group());
        Map<String, String> out = new LinkedHashMap<>();
        out.put("group", vu.group());
        for (long i = 0; i + 1 < pairs.getArraySize(); i += 2) {
            out.put(pairs.getArrayElement(i).asString(), pairs.getArrayElement(i + 1).asString());
        }
        return out;
    }

    /** A string (UTF-8), an ArrayBuffer, a multipart body, or null. */
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

    /** Milliseconds or a duration string; null/undefined is the default of 60 s. */
    static Duration timeout(Value t) {
        if (t == null || t.isNull()) return HttpRequest.DEFAULT_TIMEOUT;
        if (t.isNumber()) {
            double ms = t.asDouble();
            if (!(ms >= 0)) throw new IllegalArgumentException("timeout must be >= 0 milliseconds, not " + t);
            return Duration.ofNanos((long) (ms * 1e6));
        }
        if (!t.isString()) throw new IllegalArgumentException("timeout must be a duration such as '10s' or milliseconds, not " + t);
        return Durations.parse(t.asString());
    }
}
