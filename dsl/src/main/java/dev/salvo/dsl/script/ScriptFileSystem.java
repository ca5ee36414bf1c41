package dev.salvo.dsl.script;

import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The only files a script sees: read-only, inside the script's folder, plus salvo's own modules
 * ({@code salvo}, {@code salvo/http}, ...) served from the classpath under a virtual folder.
 */
final class ScriptFileSystem implements FileSystem {
    static final Path MODULES = Path.of("/__salvo__");
    private static final Map<String, String> MODULE_FILES = Map.ofEntries(
            Map.entry("k6", "k6.mjs"),
            Map.entry("k6/http", "k6-http.mjs"),
            Map.entry("k6/metrics", "k6-metrics.mjs"),
            Map.entry("k6/execution", "k6-execution.mjs"),
            Map.entry("k6/encoding", "k6-encoding.mjs"),
            Map.entry("k6/data", "k6-data.mjs"),
            Map.entry("k6/timers", "k6-timers.mjs"),
            Map.entry("k6/crypto", "k6-crypto.mjs"),
            Map.entry("k6/html", "k6-html.mjs"),
            Map.entry("k6/ws", "k6-ws.mjs"),
            Map.entry("k6/jslib/k6-summary", "k6-summary.mjs"),
            Map.entry("k6/jslib/k6-utils", "k6-utils.mjs"),
            // salvo convert k6: the compatibility modules of converted scripts, the same files (docs/k6.md)
            Map.entry("salvo/k6", "k6.mjs"),
            Map.entry("salvo/k6/globals", "k6-globals.mjs"),
            Map.entry("salvo/k6/http", "k6-http.mjs"),
            Map.entry("salvo/k6/metrics", "k6-metrics.mjs"),
            Map.entry("salvo/k6/execution", "k6-execution.mjs"),
            Map.entry("salvo/k6/encoding", "k6-encoding.mjs"),
            Map.entry("salvo/k6/data", "k6-data.mjs"),
            Map.entry("salvo/k6/timers", "k6-timers.mjs"),
            Map.entry("salvo/k6/crypto", "k6-crypto.mjs"),
            Map.entry("salvo/k6/html", "k6-html.mjs"),
            Map.entry("salvo/k6/ws", "k6-ws.mjs"),
            Map.entry("salvo/k6/jslib/k6-utils", "k6-utils.mjs"),
            Map.entry("salvo/k6/jslib/k6-summary", "k6-summary.mjs"),
            Map.entry("salvo", "salvo.mjs"),
            Map.entry("salvo/http", "http.mjs"),
            Map.entry("salvo/metrics", "metrics.mjs"),
            Map.entry("salvo/data", "data.mjs"),
            Map.entry("salvo/monitor", "monitor.mjs"),
            Map.entry("salvo/ws", "ws.mjs"),
            Map.entry("salvo/sse", "sse.mjs"),
            Map.entry("salvo/llm", "llm.mjs"));
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private final FileSystem delegate = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final Path root;
    /** The root with its links resolved: where a file's real path must be. */
    private final Path realRoot;
    private final Function<String, byte[]> modules;
    /** A k6 script's own modules run as written ({@link K6Mode#SYNC}): only their imports are rewritten. */
    private final boolean k6AsWritten;

    /** {@code modules}: a module file of salvo's by name, as served to scripts (null: none). */
    ScriptFileSystem(Path root, Function<String, byte[]> modules) {
        this(root, modules, false);
    }

    ScriptFileSystem(Path root, Function<String, byte[]> modules, boolean k6AsWritten) {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = realRoot(this.root);
        this.modules = modules;
        this.k6AsWritten = k6AsWritten;
    }

    static Path realRoot(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    static boolean isModule(String specifier) {
        return MODULE_FILES.containsKey(specifier);
    }

    @Override
    public Path parsePath(URI uri) {
        return delegate.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        String file = MODULE_FILES.get(path);
        if (file != null) return MODULES.resolve(file);
        if (path.startsWith("salvo/")) return MODULES.resolve("unknown-module-" + path.substring(6) + ".mjs");
        if (path.startsWith("k6/")) return MODULES.resolve("k6-module-not-supported-" + path.substring(3).replace('/', '-') + ".mjs");
        return delegate.parsePath(path);
    }

    private boolean isVirtual(Path p) {
        return p.normalize().startsWith(MODULES);
    }

    /** Inside the script's folder, by its path and, when it exists, by its real path (links resolved). */
    private void checkInside(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new AccessDeniedException(p.toString(), null, "outside the script's folder " + root);
        }
        Path real;
        try {
            real = abs.toRealPath();
        } catch (NoSuchFileException e) {
            return; // nothing to read there, and the delegate says so
        }
        if (!real.startsWith(realRoot)) {
            throw new AccessDeniedException(p.toString(), null, "a link to " + real + ", outside the script's folder " + root);
        }
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        if (isVirtual(path)) {
            if (modules.apply(path.getFileName().toString()) == null) throw new NoSuchFileException(path.getFileName().toString());
            return;
        }
        checkInside(path);
        delegate.checkAccess(path, modes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "scripts cannot write files");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "scripts cannot delete files");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            throw new AccessDeniedException(path.toString(), null, "scripts cannot write files");
        }
        if (isVirtual(path)) {
            byte[] bytes = modules.apply(path.getFileName().toString());
            if (bytes == null) throw new NoSuchFileException(path.getFileName().toString());
            return new BytesChannel(bytes);
        }
        checkInside(path);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            // A module of a k6 script's own that imports k6: rewritten as the script is (K6Source).
            byte[] bytes;
            try (SeekableByteChannel in = delegate.newByteChannel(path, options, attrs)) {
                bytes = java.nio.channels.Channels.newInputStream(in).readAllBytes();
            }
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (K6Source.isK6(text)) {
                String k6 = k6AsWritten ? K6Source.imports(text).text() : K6Source.transformFile(root, path, text).text();
                bytes = k6.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return new BytesChannel(bytes);
        }
        return delegate.newByteChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        checkInside(dir);
        return delegate.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return isVirtual(path) ? path : delegate.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        if (isVirtual(path)) return path.normalize();
        Path real = delegate.toRealPath(path, options);
        checkInside(real);
        return real;
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        if (isVirtual(path)) throw new NoSuchFileException(path.toString());
        checkInside(path);
        return delegate.readAttributes(path, attributes, options);
    }

    /** salvo's own JavaScript file {@code name} as shipped, or null. */
    static byte[] resource(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = ScriptFileSystem.class.getResourceAsStream("/dev/salvo/dsl/js/" + n)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** A read-only channel over bytes already in memory. */
    private static final class BytesChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;

        BytesChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) return -1;
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long p) {
            position = (int) Math.min(p, bytes.length);
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
