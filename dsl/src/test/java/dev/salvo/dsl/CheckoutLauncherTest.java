package dev.salvo.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./salvo} chooses between the native build and the JVM distribution: it runs
 * the launcher itself in a copy of the checkout's layout whose two builds are stand-ins that say which
 * one ran (a real native build takes minutes; the choice is the launcher's, by the files' times).
 */
class CheckoutLauncherTest {
    private static final Instant BUILT = Instant.now().minusSeconds(3600);

    @TempDir Path root;
    private Path stamp;
    private Path nativeExecutable;

    @BeforeEach
    void checkoutWithAFreshJvmBuild() throws IOException {
        Path launcher = Files.copy(DocsTest.repositoryRoot().resolve("salvo"), root.resolve("salvo"));
        executable(launcher);
        Path sources = Files.createDirectories(root.resolve("dsl/src"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        stamp = Files.createFile(Files.createDirectories(root.resolve("dsl/target")).resolve(".salvo-build.stamp"));
        standIn(root.resolve("dsl/target/salvo/bin/salvo"), "jvm");
        for (Path p : new Path[] {root.resolve("pom.xml"), sources, stamp}) touch(p, BUILT);
    }

    @Test
    void runsTheJvmDistributionWhenThereIsNoNativeBuild() throws Exception {
        Result r = run(Map.of(), "version");
        assertEquals(0, r.exit, r.err);
        assertEquals("jvm version", r.out.strip());
        assertEquals("", r.err);
    }

    @Test
    void runsAFreshNativeBuildAndSaysSo() throws Exception {
        nativeBuild(BUILT.plusSeconds(60));
        Result r = run(Map.of(), "run", "a b.js");
        assertEquals(0, r.exit, r.err);
        assertEquals("native run a b.js", r.out.strip());
        assertTrue(r.err.contains("running the native build"), r.err);
    }

    @Test
    void salvoNative0RunsTheJvmDistributionBesideAFreshNativeBuild() throws Exception {
        nativeBuild(BUILT.plusSeconds(60));
        Result r = run(Map.of("SALVO_NATIVE", "0"), "version");
        assertEquals("jvm version", r.out.strip());
        assertEquals("", r.err);
    }

    @Test
    void aNativeBuildOlderThanTheLastJvmBuildIsStaleAndSaidToBe() throws Exception {
        nativeBuild(BUILT.minusSeconds(60));
        Result r = run(Map.of(), "version");
        assertEquals("jvm version", r.out.strip());
        assertTrue(r.err.contains("the native build is older than the sources"), r.err);
        assertTrue(r.err.contains("./salvo native"), r.err);

        Result forced = run(Map.of("SALVO_NATIVE", "1"), "version");
        assertEquals("native version", forced.out.strip(), "SALVO_NATIVE=1 runs whatever native build there is");
    }

    @Test
    void salvoNative1WithoutANativeBuildFailsNamingTheCommandThatBuildsIt() throws Exception {
        Result r = run(Map.of("SALVO_NATIVE", "1"), "version");
        assertEquals(1, r.exit);
        assertEquals("", r.out);
        assertTrue(r.err.contains("run ./salvo native first"), r.err);
    }

    /** dsl/target/salvo-native as native.sh leaves it: the executable and bin/salvo beside it. */
    private void nativeBuild(Instant builtAt) throws IOException {
        nativeExecutable = standIn(root.resolve("dsl/target/salvo-native/salvo"), "native");
        Path bin = Files.createDirectories(root.resolve("dsl/target/salvo-native/bin")).resolve("salvo");
        Files.copy(DocsTest.repositoryRoot().resolve("dsl/src/build/native/bin/salvo"), bin);
        executable(bin);
        touch(nativeExecutable, builtAt);
    }

    private static Path standIn(Path file, String name) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\necho " + name + " \"$@\"\n", StandardCharsets.UTF_8);
        return executable(file);
    }

    private static Path executable(Path file) throws IOException {
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void touch(Path file, Instant at) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(at));
    }

    private record Result(int exit, String out, String err) {}

    private Result run(Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("salvo").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("SALVO_NATIVE");
        pb.environment().putAll(env);
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "./salvo did not end");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
