package dev.salvo.engine.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable set of tags, sorted by name, usable as a map key. */
public final class Tags {
    public static final Tags EMPTY = new Tags(new String[0]);

    /** Alternating names and values, names sorted. */
    private final String[] pairs;
    private final int hash;

    private Tags(String[] pairs) {
        this.pairs = pairs;
        this.hash = Arrays.hashCode(pairs);
    }

    public static Tags of(Map<String, String> tags) {
        if (tags.isEmpty()) return EMPTY;
        String[] names = tags.keySet().toArray(new String[0]);
        Arrays.sort(names);
        String[] pairs = new String[names.length * 2];
        for (int i = 0; i < names.length; i++) {
            pairs[2 * i] = names[i];
            pairs[2 * i + 1] = String.valueOf(tags.get(names[i]));
        }
        return new Tags(pairs);
    }

    public static Tags of(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) map.put(namesAndValues[i], namesAndValues[i + 1]);
        return of(map);
    }

    public String get(String name) {
        for (int i = 0; i < pairs.length; i += 2) if (pairs[i].equals(name)) return pairs[i + 1];
        return null;
    }

    /** This set with one tag added or replaced; a null value removes it. */
    public Tags with(String name, String value) {
        Map<String, String> map = new LinkedHashMap<>(asMap());
        if (value == null) map.remove(name);
        else map.put(name, value);
        return of(map);
    }

    /** This set with every tag of {@code other} added or replaced. */
    public Tags with(Tags other) {
        if (other.pairs.length == 0) return this;
        if (pairs.length == 0) return other;
        Map<String, String> map = new LinkedHashMap<>(asMap());
        map.putAll(other.asMap());
        return of(map);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return Collections.unmodifiableMap(map);
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tags t && t.hash == hash && Arrays.equals(t.pairs, pairs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** k6's notation: {@code {method:GET,name:/api}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) b.append(',');
            b.append(pairs[i]).append(':').append(pairs[i + 1]);
        }
        return b.append('}').toString();
    }
}
