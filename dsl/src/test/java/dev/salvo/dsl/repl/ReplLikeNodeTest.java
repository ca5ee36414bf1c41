package dev.salvo.dsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22's REPL items on JLine's terminal: multi-line templates, promises as Node shows them, completion, .help, .save. */
class ReplLikeNodeTest {
    @TempDir Path tmp;

    @Test
    void aTemplateLiteralSpanningLinesAsksForMoreAsNodeDoes() throws Exception {
        try (ReplHarness repl = new ReplHarness(tmp)) {
            String prompt = repl.ready();
            repl.type("`first\r");
            repl.waitFor("... ");
            repl.type("second`\r");
            String shown = repl.waitFor(prompt);
            assertTrue(shown.contains("'first\nsecond'"), shown);
            assertFalse(shown.contains("SyntaxError"), shown);
            repl.type("[1,\r");
            repl.waitFor("... ");
            repl.type("2]\r");
            repl.waitFor("[ 1, 2 ]");
        }
    }

    @Test
    void aPromiseNotAwaitedShowsAsAPromiseAndStaysOne() throws Exception {
        try (ReplHarness repl = new ReplHarness(tmp)) {
            String prompt = repl.ready();
            repl.type("p = http.get(`${env.BASE_URL}/api/items/1`)\r");
            repl.waitFor("Promise { <pending> }");
            repl.type("p.status\r");
            repl.waitFor("undefined");
            repl.type("(await p).status\r");
            repl.waitFor("200");
        }
    }

    @Test
    void completionHidesInternalFields() throws Exception {
        try (ReplHarness repl = new ReplHarness(tmp)) {
            assertTrue(repl.session.eval("res = await http.get(`${env.BASE_URL}/api/items/1`)").ok());
            var names = repl.session.names("res");
            assertTrue(names.contains("status") && names.contains("json"), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("_")), names.toString());
            assertTrue(repl.session.names("").contains("_"), "the last result stays completable");
        }
    }

    @Test
    void helpSaysWhatToSetWithoutTheDemoAndSaveKeepsOnlyStatementsWithEffects() throws Exception {
        try (ReplHarness h = new ReplHarness(tmp)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Repl repl = new Repl(h.session, h.workers, Map.of(), out, out);
            repl.accept(".help");
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("env.BASE_URL is not set in this session: start it with --demo"),
                    bytes.toString(StandardCharsets.UTF_8));
            for (String input : new String[] {"x = 2", "x * 21", "x === 2", "'a' + '(b)'", "check(x, { 'is two': (v) => v === 2 })"}) {
                repl.accept(input);
            }
            repl.accept(".save saved.js");
            String saved = Files.readString(tmp.resolve("saved.js"));
            assertTrue(saved.contains("  x = 2;") && saved.contains("  check(x,"), saved);
            assertFalse(saved.contains("x * 21") || saved.contains("x === 2;") || saved.contains("'a' + '(b)'"), saved);
        }
    }

    @Test
    void runShowsTheProgressWhileItGoes() throws Exception {
        try (ReplHarness repl = new ReplHarness(tmp)) {
            String prompt = repl.ready();
            repl.type("await http.get(`${env.BASE_URL}/api/items/1`)\r");
            repl.waitFor(prompt);
            repl.type(".run -u 1 -t 7s\r");
            // off a terminal (the test's), the plain progress line every 5 s, before the summary
            String progress = repl.waitFor("vus=1 reqs=");
            assertTrue(progress.contains("[   5s]") || progress.contains("[   6s]"), progress);
            String rest = repl.waitFor("finished in");
            assertTrue(rest.contains(" / 7s] default 1/1 VU "), rest);
            repl.waitFor(prompt);
        }
    }

    @Test
    void valuesAndErrorsAreInColourWhenTheTerminalHasItAndNoColorIsUnset() throws Exception {
        assertTrue(Repl.wantsColour("xterm-256color", 256, null));
        assertFalse(Repl.wantsColour("xterm-256color", 256, "1"), "NO_COLOR");
        assertFalse(Repl.wantsColour("dumb", 0, null));
        try (ReplHarness h = new ReplHarness(tmp)) {
            assertEquals("'plain'", h.session.eval("'plain'").text());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Repl repl = new Repl(h.session, h.workers, Map.of(), out, out).colour(true);
            repl.accept("'green'");
            repl.accept("[42, null]");
            repl.accept("nope");
            String shown = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains("\u001b[32m'green'\u001b[0m"), shown);
            assertTrue(shown.contains("[ \u001b[33m42\u001b[0m, \u001b[1mnull\u001b[0m ]"), shown);
            assertTrue(shown.contains("\u001b[31m") && shown.contains("ReferenceError"), shown);
        }
    }
}
