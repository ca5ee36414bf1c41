package dev.salvo.engine.http.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A response's headers as {@link dev.salvo.engine.http.HttpResponse} gives them (lower-case names,
 * values in order, unmodifiable), converted from Netty's headers only when they are iterated: most
 * iterations read the status and maybe one header, and converting every response cost ~10% of the
 * bytes allocated per request (docs/performance.md). {@code http2}: the {@code x-http2-*} headers
 * Netty's HTTP/2 to HTTP/1 conversion adds are left out.
 */
final class ResponseHeaders extends AbstractMap<String, List<String>> {
    private final HttpHeaders wire;
    private final boolean http2;
    private Map<String, List<String>> converted;

    ResponseHeaders(HttpHeaders wire, boolean http2) {
        this.wire = wire;
        this.http2 = http2;
    }

    @Override
    public List<String> get(Object name) {
        if (converted != null) return converted.get(name);
        if (!(name instanceof String s) || !s.equals(s.toLowerCase(Locale.ROOT)) || hidden(s)) return null;
        List<String> values = wire.getAll(s);
        return values.isEmpty() ? null : Collections.unmodifiableList(values);
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        if (converted == null) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : wire) {
                if (!hidden(e.getKey())) {
                    out.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(e.getValue());
                }
            }
            out.replaceAll((k, v) -> Collections.unmodifiableList(v));
            converted = Collections.unmodifiableMap(out);
        }
        return converted.entrySet();
    }

    private boolean hidden(String name) {
        return http2 && name.regionMatches(true, 0, "x-http2-", 0, 8);
    }
}
