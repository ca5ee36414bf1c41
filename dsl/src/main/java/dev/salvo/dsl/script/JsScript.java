package dev.salvo.dsl.script;

import dev.salvo.dsl.host.ErrorFormat;
import dev.salvo.dsl.host.DataHost;
import dev.salvo.dsl.host.Host;
import org.graalvm.polyglot.Context;
import dev.salvo.engine.run.JsCompilations;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded script: one GraalJS {@link Engine} and the parsed {@link Source} shared by every context
 * (a context per VU costs ~80 KiB this way). Contexts may only use the exported host API, read
 * files below the script's folder, and create no processes or threads.
 */
public final class JsScript implements AutoCloseable {
    private static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT).allowArrayAccess(true)
            .allowBufferAccess(true).build(); // buffers: open(path, 'b') wraps a ByteBuffer in an ArrayBuffer
    private static final String JS_PATH = "/dev/salvo/dsl/js/";

    /** See {@link #newEngine}: above a CI smoke's call counts, reached within a second under load. */
    static final int COMPILE_THRESHOLD = 5000;

    private final Path file;
    private final CompileLog compileLog = new CompileLog();
    private final Engine engine;
    private final Source module;
    private final Source prelude;
    /** salvo/data's parsed files and shared arrays: one per run, shared by every context. */
    private final DataHost.Store data;
    /** Written into salvo's module sources, which ask the prelude for the host API with it; scripts never see it. */
    private final String bridgeToken = newToken();
    /** salvo's module sources with the token in place, served to every context. */
    private final Map<String, byte[]> modules = new ConcurrentHashMap<>();
    /** The script imports k6 modules: it runs through the k6 layer (docs/k6.md). */
    private boolean k6;
    /** A k6 script run as written, each VU on a virtual thread whose blocking calls park it (K6Mode.SYNC). */
    private boolean sync;
    /** What the k6 rewrite could not prove right, as {@code file: line N: message}. */
    private List<String> warnings = List.of();
    /** What makes the k6 script unable to run (an unsupported k6 module, a remote import): a script error at load. */
    private List<String> errors = List.of();

    private JsScript(Path file, Source module, Source prelude) {
        this.file = file;
        this.engine = newEngine(compileLog);
        this.module = module;
        this.prelude = prelude;
        this.data = new DataHost.Store(file.getParent());
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A module of salvo's as served to scripts, or null when there is none of that name. */
    private byte[] module(String name) {
        return modules.computeIfAbsent(name, n -> {
            byte[] raw = ScriptFileSystem.resource(n);
            return raw == null ? null
                    : new String(raw, StandardCharsets.UTF_8).replace("@SALVO_BRIDGE_TOKEN@", bridgeToken).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Opens a script; a missing or unreadable file is an {@link IOException} with the path in its message. */
    public static JsScript open(Path file) throws IOException {
        return open(file, K6Mode.DEFAULT);
    }

    /** Opens a script whose k6 code, if it is a k6 script, runs in {@code mode}. */
    public static JsScript open(Path file, K6Mode mode) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) throw new java.nio.file.NoSuchFileException(file.toString(), null, "script not found");
        String text = Files.readString(abs);
        List<String> warnings = List.of();
        List<String> errors = List.of();
        Source.Builder builder = Source.newBuilder("js", abs.toFile()).mimeType("application/javascript+module");
        boolean isK6 = K6Source.isK6(text);
        boolean sync = mode == K6Mode.SYNC && isK6;
        if (isK6) {
            // k6's calls block; salvo's VUs are async: the script is rewritten to await them (K6Source), unless its VUs block too.
            K6Source.Result k6 = sync ? K6Source.imports(text) : K6Source.transformFile(abs.getParent(), abs, text);
            builder.content(k6.text());
            warnings = k6.warnings().stream().map(w -> ErrorFormat.display(abs.toString()) + ": " + w).toList();
            errors = k6.errors().stream().map(w -> ErrorFormat.display(abs.toString()) + ": " + w).toList();
        }
        Source prelude = Source.newBuilder("js", resource("prelude.js"), "/__salvo__/prelude.js").build();
        JsScript script = new JsScript(abs, builder.build(), prelude);
        script.k6 = isK6;
        script.sync = sync;
        script.warnings = warnings;
        script.errors = errors;
        return script;
    }

    /**
     * The shared engine. With the optimizing runtime, {@code engine.Mode=latency} (override with
     * {@code -Dsalvo.jsMode=default}) compiles with the fast first tier only, and a function is compiled
     * once it has run {@link #compileThreshold()} times (calls plus loop iterations, over every VU).
     * Truffle's dynamic thresholds are off: they lower the threshold tenfold while the compiler is idle,
     * which has a CI smoke of 150 requests compile ~60 functions and warm the Graal compiler up on the
     * cores the target needs (docs/performance.md, "Warm-up"). The interpreter has no such options.
     */
    private static Engine newEngine(CompileLog log) {
        String threshold = Integer.toString(compileThreshold());
        String mode = System.getProperty("salvo.jsMode", "latency");
        if (!mode.matches("latency|default|throughput")) {
            throw new IllegalArgumentException("-Dsalvo.jsMode must be latency, default or throughput, not '" + mode + "'");
        }
        try {
            if ("interpreter".equals(System.getProperty("salvo.jsRuntime"))) throw new IllegalArgumentException("interpreter");
            // Contexts on virtual threads (--k6-mode sync) are experimental in GraalJS on HotSpot: docs/k6.md says so, not every run
            return Engine.newBuilder("js").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                    .option("engine.WarnVirtualThreadSupport", "false")
                    .option("engine.TraceCompilation", "true").logHandler(log)
                    .option("engine.Mode", mode)
                    .option("engine.DynamicCompilationThresholds", "false")
                    .option("engine.FirstTierCompilationThreshold", threshold)
                    .option("engine.SingleTierCompilationThreshold", threshold)
                    .build();
        } catch (IllegalArgumentException interpreterOnly) {
            // The fallback runtime knows none of the compiler's options: one engine init either way.
            return Engine.newBuilder("js").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                    .option("engine.WarnVirtualThreadSupport", "false").build();
        }
    }

    /**
     * How often a function runs before it is compiled: {@code -Dsalvo.jsCompileThreshold=N} (in
     * {@code SALVO_OPTS}), default {@value #COMPILE_THRESHOLD}.
     */
    static int compileThreshold() {
        String value = System.getProperty("salvo.jsCompileThreshold", Integer.toString(COMPILE_THRESHOLD)).trim();
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("-Dsalvo.jsCompileThreshold must be a whole number from 1, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /**
     * A script-less runtime for {@code salvo repl}: contexts see the files below {@code folder} and
     * salvo's modules; {@link #evalModule} is not available.
     */
    public static JsScript session(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        Source prelude = Source.newBuilder("js", resource("prelude.js"), "/__salvo__/prelude.js").build();
        return new JsScript(abs.resolve("repl.mjs"), null, prelude);
    }

    /** A context for syntax checks only (no host API, no files), on the calling thread. */
    public Context parseContext() {
        return Context.newBuilder("js").engine(engine).allowHostAccess(HOST_ACCESS).allowHostClassLookup(name -> false).build();
    }

    /** A JavaScript resource of salvo's own, e.g. the REPL's helpers. */
    public static Source builtin(String name) throws IOException {
        return Source.newBuilder("js", resource(name), "/__salvo__/" + name).build();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JsScript.class.getResourceAsStream(JS_PATH + name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** True when the script imports {@code k6} or {@code k6/*}: it runs through the k6 layer, rewritten unless {@link #isSync}. */
    public boolean isK6() {
        return k6;
    }

    /** True when the script's VUs block (k6 code in {@link K6Mode#SYNC}): they run on a {@code SyncScriptRuntime}. */
    public boolean isSync() {
        return sync;
    }

    /** Warnings of the k6 rewrite, each naming the file and line; empty for native scripts. */
    public List<String> warnings() {
        return warnings;
    }

    public Path file() {
        return file;
    }

    /** What the engine compiled so far (nothing, with the interpreter). */
    public JsCompilations compilations() {
        return compileLog.snapshot();
    }

    /** "Interpreted" or "GraalVM CE" (the optimizing runtime). */
    public String runtimeName() {
        return engine.getImplementationName();
    }

    /** A fresh context bound to {@code host}; call on the thread that will use it. */
    public Context newContext(Host host) {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(name -> false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowIO(IOAccess.newBuilder().fileSystem(new ScriptFileSystem(file.getParent(), this::module, sync)).build())
                .option("js.esm-eval-returns-exports", "true")
                .build();
        return context;
    }

    /**
     * Evaluates the prelude (timers, hooks, the bridge salvo's modules reach {@code host} through) in a fresh
     * context, before any module; returns the hooks object.
     */
    public Value hooks(Context context, Host host) {
        return context.eval(prelude).execute(host, new DataHost(data, host), bridgeToken, sync);
    }

    /** Evaluates the script's module and returns its namespace ({@code default}, {@code options}, ...). */
    public Value evalModule(Context context) throws ScriptError {
        if (!errors.isEmpty()) throw new ScriptError(String.join("\n", errors));
        try {
            return context.eval(module);
        } catch (PolyglotException e) {
            throw new ScriptError(ErrorFormat.loadError(e));
        }
    }

    /**
     * Cancels whatever runs in this script's contexts, from any thread: Ctrl-C while the module's top level
     * never ends, on the thread that loads it. The script is unusable after.
     */
    public void cancel() {
        engine.close(true);
    }

    @Override
    public void close() {
        engine.close();
    }
}
