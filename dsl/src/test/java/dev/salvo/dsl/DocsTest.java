package dev.salvo.dsl;

import dev.salvo.dsl.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every runnable script snippet of README.md and docs/ runs against the demo target, so docs cannot rot. */
class DocsTest {
    private static final Pattern JS_BLOCK = Pattern.compile("```js\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    @TestFactory
    Stream<DynamicTest> scriptSnippetsInTheDocsRunAgainstTheDemoTarget() throws IOException {
        Path root = repositoryRoot();
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs) {
            Matcher m = JS_BLOCK.matcher(Files.readString(doc));
            int n = 0;
            while (m.find()) {
                String code = m.group(1);
                n++;
                if (!code.contains("export default")) continue;
                String name = root.relativize(doc) + " snippet " + n;
                int index = n;
                tests.add(DynamicTest.dynamicTest(name, () -> runSnippet(doc.getFileName() + "-" + index + ".js", code)));
            }
        }
        assertFalse(tests.isEmpty(), "no runnable snippet found in the docs");
        return tests.stream();
    }

    private void runSnippet(String fileName, String code) throws IOException {
        Path script = tmp.resolve(fileName);
        Files.writeString(script, code);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code0;
        try {
            code0 = Main.execute("run", "--demo", script.toString());
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code0, text);
        assertTrue(text.contains("PASSED") || text.contains("FINISHED — no thresholds declared"), text);
        assertFalse(text.contains("✗"), "a check failed:\n" + text);
        assertFalse(text.contains("iteration errors"), "an iteration failed:\n" + text);
        assertFalse(text.contains("failed requests"), "a request failed:\n" + text);
    }
}
