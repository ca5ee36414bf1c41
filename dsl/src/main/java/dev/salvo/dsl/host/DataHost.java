package dev.salvo.dsl.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.data.CsvFiles;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
        /** The root with its links resolved: where every file read must really be. */
        private final Path realRoot;
        private final Map<String, String> parsed = new ConcurrentHashMap<>();
        private final Map<String, SharedList> shared = new ConcurrentHashMap<>();

        public Store(Path root) {
            this.root = root.toAbsolutePath().normalize();
            Path real;
            try {
                real = this.root.toRealPath();
            } catch (IOException e) {
                real = this.root;
            }
            this.realRoot = real;
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
            throw ScriptProblem.error(what + " can only be called in the init context (at module top level), not in VU code");
        }
    }

    /** The real file {@code path} names, refused unless it is a file inside the script's folder, links resolved. */
    private Path resolve(String path) {
        Path p;
        try {
            p = store.root.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw ScriptProblem.type("'" + path + "' is not a file name: " + e.getReason());
        }
        if (!p.startsWith(store.root)) throw ScriptProblem.error(path + ": outside the script's folder " + store.root);
        if (!Files.isRegularFile(p)) throw ScriptProblem.error(path + ": no such file (paths are relative to the script, " + store.root + ")");
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw ScriptProblem.error(path + ": cannot be read: " + e.getMessage());
        }
        if (!real.startsWith(store.realRoot)) {
            throw ScriptProblem.error(path + ": a link to " + real + ", outside the script's folder " + store.root + " (not read)");
        }
        return real;
    }

    private static ScriptProblem unreadable(String path, IOException e) {
        return ScriptProblem.error(path + ": cannot be read: " + e.getMessage());
    }

    @HostAccess.Export
    public String readText(String path) {
        initOnly("json()/open()");
        Path file = resolve(path);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The file's bytes, which the module wraps in an ArrayBuffer without a copy. */
    @HostAccess.Export
    public ByteBuffer readBytes(String path) {
        initOnly("open(path, 'b')");
        Path file = resolve(path);
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The file's records as JSON: objects by header name when {@code header}, else arrays of strings. */
    @HostAccess.Export
    public String csvJson(String path, boolean header, String delimiter) {
        initOnly("csv()");
        if (delimiter == null || delimiter.length() != 1) throw ScriptProblem.type("csv(): delimiter must be one character, not '" + delimiter + "'");
        Path file = resolve(path);
        String key = file + "\u0000" + header + "\u0000" + delimiter;
        String cached = store.parsed.get(key);
        if (cached != null) return cached;
        String json;
        try {
            json = JSON.writeValueAsString(CsvFiles.read(file, header, delimiter.charAt(0)));
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ScriptProblem.error("csv('" + path + "'): " + e.getMessage());
        }
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
