package dev.salvo.dsl.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java side of {@code salvo/data}, bound as {@code __salvoData} in each context: reads files
 * relative to the script (init context only), parses CSV with Commons CSV, and holds the run's
 * shared arrays, built once and read by every context of every worker without copies.
 */
public final class DataHost {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What every context of one run shares: the script's folder, parsed files, shared arrays. */
    public static final class Store {
        private final Path root;
        private final Map<String, String> parsed = new ConcurrentHashMap<>();
        private final Map<String, SharedList> shared = new ConcurrentHashMap<>();

        public Store(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }
    }

    /** A shared array's elements, each kept as JSON text and parsed (and frozen) on access in JavaScript. */
    public static final class SharedList {
        private final List<String> elements;

        SharedList(List<String> elements) {
            this.elements = List.copyOf(elements);
        }

        @HostAccess.Export
        public int length() {
            return elements.size();
        }

        @HostAccess.Export
        public String get(int i) {
            return i >= 0 && i < elements.size() ? elements.get(i) : null;
        }
    }

    private final Store store;
    private final Host host;

    public DataHost(Store store, Host host) {
        this.store = store;
        this.host = host;
    }

    private void initOnly(String what) {
        if (host.current != null) {
            throw new IllegalStateException(what + " can only be called in the init context (at module top level), not in VU code");
        }
    }

    private Path resolve(String path) throws IOException {
        Path p = store.root.resolve(path).toAbsolutePath().normalize();
        if (!p.startsWith(store.root)) throw new IOException(path + ": outside the script's folder " + store.root);
        if (!Files.isRegularFile(p)) throw new IOException(path + ": no such file (paths are relative to the script, " + store.root + ")");
        return p;
    }

    @HostAccess.Export
    public String readText(String path) throws IOException {
        initOnly("json()/open()");
        return Files.readString(resolve(path), StandardCharsets.UTF_8);
    }

    /** The file's bytes, which the module wraps in an ArrayBuffer without a copy. */
    @HostAccess.Export
    public java.nio.ByteBuffer readBytes(String path) throws IOException {
        initOnly("open(path, 'b')");
        return java.nio.ByteBuffer.wrap(Files.readAllBytes(resolve(path)));
    }

    /** The file's records as JSON: objects by header name when {@code header}, else arrays of strings. */
    @HostAccess.Export
    public String csvJson(String path, boolean header, String delimiter) throws IOException {
        initOnly("csv()");
        if (delimiter == null || delimiter.length() != 1) throw new IllegalArgumentException("csv(): delimiter must be one character, not '" + delimiter + "'");
        Path file = resolve(path);
        String key = file + "\u0000" + header + "\u0000" + delimiter;
        String cached = store.parsed.get(key);
        if (cached != null) return cached;
        List<Object> rows = dev.salvo.engine.data.CsvFiles.read(file, header, delimiter.charAt(0));
        String json = JSON.writeValueAsString(rows);
        store.parsed.put(key, json);
        return json;
    }

    @HostAccess.Export
    public SharedList shared(String name) {
        return store.shared.get(name);
    }

    /** Keeps the first array built under {@code name} (two workers may build it at once); returns the kept one. */
    @HostAccess.Export
    public SharedList share(String name, Value jsonElements) {
        initOnly("new SharedArray()");
        List<String> elements = new ArrayList<>((int) jsonElements.getArraySize());
        for (long i = 0; i < jsonElements.getArraySize(); i++) elements.add(jsonElements.getArrayElement(i).asString());
        return store.shared.computeIfAbsent(name, n -> new SharedList(elements));
    }
}
