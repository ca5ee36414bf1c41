package dev.salvo.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the distribution's {@code bin/salvo} as a real process in a controlled environment: a PATH
 * holding only the tools the launcher uses and a fake Java 17, and no JAVA_HOME. The JDK running
 * this test (>= 25, chosen by the toolchains plugin) stands for the JDK that users install; the
 * tests of the JDK search run a copy of the distribution without its own {@code runtime/}.
 */
class LauncherIT {
    private static final Path HOME = Path.of(System.getProperty("salvo.home"));
    private static final Path LAUNCHER = HOME.resolve("bin/salvo");
    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final List<String> TOOLS = List.of("bash", "dirname", "basename", "readlink", "sed", "grep", "head");

    @TempDir Path tmp;
    private Path bin;
    /** bin/salvo of a distribution without runtime/: the launcher searches for a JDK. */
    private Path searching;

    @BeforeEach
    void pathWithJava17Only() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : TOOLS) Files.createSymbolicLink(bin.resolve(tool), which(tool));
        script(bin.resolve("java"), "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2");
        Path dist = Files.createDirectories(tmp.resolve("dist/bin")).getParent();
        searching = Files.copy(LAUNCHER, dist.resolve("bin/salvo"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String dir : List.of("lib", "compiler")) Files.createSymbolicLink(dist.resolve(dir), HOME.resolve(dir));
    }

    @Test
    void runsOnItsOwnRuntimeOptimizingWithTheAotCache() throws Exception {
        // No JDK anywhere but runtime/; AOTMode=on makes the JVM fail when it cannot use the cache.
        Result r = salvo(Map.of("SALVO_JDK_SEARCH_PATH", "", "SALVO_OPTS", "-XX:AOTMode=on"), LAUNCHER.toString(), "version");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("javascript GraalVM CE"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void findsJdk25BesideAJava17OnPathAndRunsOptimizing() throws Exception {
        Result r = salvo(Map.of("SALVO_JDK_SEARCH_PATH", JDK.getParent().toString()), searching.toString(), "version");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("java " + Runtime.version().feature()), r.out);
        assertTrue(r.out.contains("javascript GraalVM CE"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void explicitInterpreterRunsInterpretedWithoutWarning() throws Exception {
        Result r = salvo(Map.of("JAVA_HOME", JDK.toString(), "SALVO_JS_RUNTIME", "interpreter"), searching.toString(), "version");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("javascript Interpreted"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void missingCompilerJarsFallBackToInterpreterWithOneWarning() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("compiler"));
        Result r = salvo(Map.of("JAVA_HOME", JDK.toString(), "SALVO_COMPILER_DIR", empty.toString()), searching.toString(), "version");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("javascript Interpreted"), r.out);
        assertOneWarning(r.err, "no Graal compiler jars in " + empty);
    }

    @Test
    void jdkWithoutJvmciFallsBackToInterpreterWithOneWarning() throws Exception {
        // A JDK whose release file lists no jdk.internal.vm.ci module, as in a jlinked runtime without it.
        Path home = Files.createDirectories(tmp.resolve("jdk-no-jvmci/bin")).getParent();
        script(home.resolve("bin/java"), "exec '" + JDK.resolve("bin/java") + "' \"$@\"");
        List<String> release = Files.readAllLines(JDK.resolve("release")).stream()
                .map(line -> line.replace(" jdk.internal.vm.ci", "")).toList();
        Files.write(home.resolve("release"), release);
        Result r = salvo(Map.of("SALVO_JAVA_HOME", home.toString()), LAUNCHER.toString(), "version");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("javascript Interpreted"), r.out);
        assertOneWarning(r.err, "JDK at " + home.toRealPath() + " has no JVMCI");
    }

    @Test
    void noJdk25ExplainsWhatWasFoundAndWhatToInstall() throws Exception {
        Result r = salvo(Map.of("SALVO_JDK_SEARCH_PATH", ""), searching.toString(), "version");
        assertEquals(1, r.exit, r.out);
        assertEquals("", r.out);
        assertEquals("salvo: found Java 17 at " + bin.resolve("java") + "\n"
                + "salvo needs Java 25 or newer: install Temurin 25 (e.g. apt-get install temurin-25-jdk) or set JAVA_HOME\n", r.err);
    }

    @Test
    void findsItsHomeThroughASymlink() throws Exception {
        // A relative link in another folder, as `ln -s ../opt/salvo/bin/salvo` would make.
        Path link = Files.createSymbolicLink(bin.resolve("salvo"), bin.relativize(LAUNCHER));
        Result r = salvo(Map.of("JAVA_HOME", JDK.toString(), "SALVO_JS_RUNTIME", "interpreter"), link.toString(), "version");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.startsWith("salvo "), r.out);
    }

    private static void assertOneWarning(String err, String why) {
        assertEquals("salvo: warning: " + why + "; JavaScript runs interpreted (slower). See docs/performance.md\n", err);
    }

    private record Result(int exit, String out, String err) {}

    private Result salvo(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("SALVO_") || k.equals("JAVA_HOME") || k.endsWith("_OPTS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        e.put("PATH", bin.toString());
        e.putAll(env);
        pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "salvo did not finish within 30 s");
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException(tool + " not found on PATH");
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
