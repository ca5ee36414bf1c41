package dev.salvo.dsl.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.salvo.dsl.Salvo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every script of the k6 corpus (whatever the folder holds) gives the same results with VUs that block
 * ({@code --k6-mode sync}) as with the rewrite: the exit code, the checks and which of them failed, and
 * whether an iteration threw. K6CorpusTest says what those results are.
 */
class K6SyncCorpusTest {
    /** Scripts whose checks and exit code are a coin toss in k6 too (es6sample.js: checks and a threshold over Math.random()). */
    static final Set<String> RANDOM = Set.of("es6sample.js");
    static K6StandIn standIn;
    @TempDir Path dir;

    @BeforeAll
    static void start() throws IOException {
        standIn = new K6StandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    /** What is compared: the exit code, each check with whether it ever failed, and iteration errors (names only for RANDOM). */
    private record Outcome(int exit, Map<String, Boolean> checksFailed, boolean iterationError) {
        static Outcome of(Salvo.Result r, boolean random) {
            Map<String, Boolean> checks = new TreeMap<>();
            r.checks().forEach((name, counts) -> checks.put(name, random || counts[1] > 0));
            return new Outcome(random ? -1 : r.exit(), checks, r.all().contains("iteration error"));
        }
    }

    private Salvo.Result run(Path source, String mode) throws IOException {
        Path script = dir.resolve(mode).resolve(source.getFileName());
        Files.createDirectories(script.getParent());
        Files.writeString(script, Files.readString(source).replace("stand-in.test", standIn.authority())
                .replace("echo.ws.test", standIn.wsAuthority()));
        return Salvo.run("run", script.toString(), "--workers", "1", "--no-progress", "--k6-mode", mode);
    }

    @TestFactory
    Stream<DynamicTest> everyScriptGivesTheSameResultsInBothModes() throws IOException {
        try (Stream<Path> files = Files.list(K6CorpusTest.CORPUS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".js")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        Salvo.Result rewrite = run(p, "rewrite");
                        Salvo.Result sync = run(p, "sync");
                        boolean random = RANDOM.contains(p.getFileName().toString());
                        assertEquals(Outcome.of(rewrite, random), Outcome.of(sync, random), "--- rewrite:\n" + rewrite + "\n--- sync:\n" + sync);
                    }));
        }
    }
}
