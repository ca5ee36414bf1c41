package dev.salvo.dsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.run.Workers;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the walk-through of docs/repl.md against the demo target: its inputs are typed (piped),
 * every output line it shows must appear (numbers may differ), and its {@code salvo run} passes.
 * The 10-second {@code .run} runs for 2 seconds here.
 */
class ReplDocTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- walkthrough -->\\n```console\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PROMPT = Pattern.compile("^salvo 127\\.0\\.0\\.1:\\d+> (.*)$");

    @TempDir Path tmp;

    @Test
    void theWalkThroughOfDocsReplMdHolds() throws Exception {
        String doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/repl.md"));
        Matcher m = BLOCK.matcher(doc);
        assertTrue(m.find(), "docs/repl.md has no walk-through block");
        List<String> inputs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        String runCommand = null;
        boolean started = false;
        for (String line : m.group(1).split("\n")) {
            Matcher p = PROMPT.matcher(line);
            if (p.matches()) {
                started = true;
                inputs.add(p.group(1).replace("-t 10s", "-t 2s"));
            } else if (line.startsWith("... ")) {
                inputs.add(line.substring(4));
            } else if (line.startsWith("$ salvo run ")) {
                runCommand = line.substring("$ salvo ".length());
                started = false;
            } else if (started && !line.equals("…") && !line.isBlank()) {
                expected.add(line);
            }
        }
        assertFalse(inputs.isEmpty());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
             Workers workers = new Workers(2);
             JsScript js = JsScript.session(tmp)) {
            Map<String, String> vars = Map.of("BASE_URL", demo.baseUrl());
            String envJson = Prepared.envJson(vars);
            try (Session session = new Session(js, new HostContext(envJson, false, new Metrics(), m2 -> { }, m2 -> { }), workers.get(0))) {
                PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                Repl repl = new Repl(session, workers, vars, print, print);
                exit = repl.piped(new BufferedReader(new StringReader(String.join("\n", inputs) + "\n")));
            }
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        String actual = normalise(text);
        for (String line : expected) assertTrue(actual.contains(normalise(line)), "missing: " + line + "\n--- output\n" + text);

        assertTrue(runCommand != null, "the walk-through ends with salvo run");
        List<String> args = new ArrayList<>(List.of(runCommand.split(" ")));
        args.set(args.size() - 1, tmp.resolve(args.getLast()).toString());
        Salvo.Result run = Salvo.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("FINISHED — no thresholds declared"), run.toString());
    }

    private static String normalise(String s) {
        return s.replaceAll("\\d+(\\.\\d+)?", "#").replaceAll("\\s+", " ").strip();
    }
}
