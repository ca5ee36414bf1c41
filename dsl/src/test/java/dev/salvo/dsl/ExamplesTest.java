package dev.salvo.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code examples/*.js} runs against the embedded demo target and passes (STYLE rule 9). A new
 * example is picked up without touching this class. It runs with {@code --demo -t 2s} unless it has a
 * line {@code // test-args: ...} giving its own short settings (e.g. {@code // test-args: -i 3}).
 */
class ExamplesTest {
    private static final String TEST_ARGS = "// test-args:";

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAgainstTheDemoTargetWithoutFailedChecks() throws IOException {
        Path examples = repositoryRoot().resolve("examples");
        List<Path> files;
        try (Stream<Path> list = Files.list(examples)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".js")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples in " + examples);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--demo", "--workers", "1"));
            args.addAll(testArgs(file));
            Salvo.Result r = Salvo.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.iterationsCompleted() > 0, "no iteration completed: " + r);
            r.checks().forEach((name, counts) -> assertEquals(0, counts[1], "check '" + name + "' failed: " + r));
            assertFalse(r.err().contains("warning"), r.toString());
            assertFalse(r.all().contains("iteration errors") || r.all().contains("script errors"), r.toString());
        }));
    }

    private static List<String> testArgs(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.startsWith(TEST_ARGS)) return Arrays.asList(l.substring(TEST_ARGS.length()).strip().split("\\s+"));
        }
        return List.of("-t", "2s");
    }

    /** The checkout holding {@code examples/}: from salvo.home (dsl/target/salvo) or the working folder (dsl/). */
    static Path repositoryRoot() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("salvo.home");
        if (home != null) candidates.add(Path.of(home).toAbsolutePath().normalize().getParent().getParent().getParent());
        Path cwd = Path.of("").toAbsolutePath();
        candidates.add(cwd.getParent());
        candidates.add(cwd);
        for (Path c : candidates) if (c != null && Files.isDirectory(c.resolve("examples"))) return c;
        throw new IllegalStateException("no examples/ folder found from " + candidates);
    }
}
