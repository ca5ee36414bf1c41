package dev.salvo.dsl.monitor;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimizing runtime of the distribution's {@code bin/salvo} (the JVM one, or the native one with
 * {@code -Dsalvo.it.home}) compiles a hot function, and the summary says how many compilations failed
 * when they do: a runtime whose every compilation fails runs at the interpreter's speed and must not
 * pass for "compiled".
 */
class JsCompilationIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.home"), "bin", "salvo");
    private static final Pattern COMPILED = Pattern.compile("js runtime +compiled; (\\d+) functions? compiled \\(tier \\d\\)");

    @TempDir Path dir;

    @Test
    void aHotLoopIsCompiled() throws Exception {
        Run r = run("");
        assertEquals(0, r.exit, r.out);
        Matcher m = COMPILED.matcher(r.out);
        assertTrue(m.find(), r.out);
        assertTrue(Integer.parseInt(m.group(1)) >= 1, r.out);
        assertFalse(r.out.contains("failed"), r.out);
        assertEquals(0, r.summary.get("metrics").get("salvo_js_compile_failures").get("values").get("value").asInt(), r.out);
    }

    @Test
    void failedCompilationsAreCounted() throws Exception {
        // Truffle gives up on every graph bigger than 1 node: each compilation fails for good ("opt failed").
        Run r = run("-Dpolyglot.compiler.MaximumGraalGraphSize=1");
        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.matches("(?s).*js runtime +compiled; nothing compiled; \\d+ compilations? failed;.*"), r.out);
        assertTrue(r.summary.get("metrics").get("salvo_js_compile_failures").get("values").get("value").asInt() >= 1, r.out);
    }

    private Run run(String opts) throws Exception {
        String file = script(dir, "hot.js", """
                export const options = { vus: 1, duration: '3s' };
                function work(n) { let s = 0; for (let i = 0; i < n; i++) { s += i % 7; } return s; }
                export default function () { work(200000); }
                """);
        Path json = dir.resolve("summary.json");
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "run", file, "--no-progress", "--json", json.toString())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SALVO_") || k.endsWith("_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SALVO_OPTS", opts);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        return new Run(p.exitValue(), out, new ObjectMapper().readTree(json.toFile()));
    }

    private record Run(int exit, String out, JsonNode summary) {}
}
