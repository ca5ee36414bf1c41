package dev.salvo.dsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.run.Workers;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs evaluated in one session (no target needed): what persists, and how bad input is reported. */
class ReplBadInputTest {
    @TempDir static Path tmp;
    private static Workers workers;
    private static JsScript js;
    private static Session session;

    @BeforeAll
    static void start() throws Exception {
        workers = new Workers(1);
        js = JsScript.session(tmp);
        session = new Session(js, new HostContext(Prepared.envJson(Map.of()), false, new Metrics(), m -> { }, m -> { }), workers.get(0));
    }

    @AfterAll
    static void stop() {
        session.close();
        workers.close();
        js.close();
    }

    private record Result(int exit, String out, String err) {}

    private static Result repl(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Repl repl = new Repl(session, workers, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = repl.piped(new BufferedReader(new StringReader(input)));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void declarationsPersistAndMayBeDeclaredAgain() throws Exception {
        Result r = repl("const a = 1\nlet b = await Promise.resolve(a + 1)\nconst a = 10\na + b\n_ * 2\nconst { x, y } = { x: 3, y: 4 }\nx + y\n");
        assertEquals(0, r.exit, r.err);
        assertEquals("12\n24\n7\n", r.out);
    }

    @Test
    void importsAndPastedBlocks() throws Exception {
        Result r = repl("import { Trend } from 'salvo/metrics'\nimport data from 'salvo/data'\ntypeof Trend\n"
                + "function square(n) {\n  return n * n;\n}\n\nsquare(\n  9)\n");
        assertEquals(0, r.exit, r.err);
        assertEquals("'function'\n81\n", r.out);
    }

    @Test
    void syntaxErrorsGiveTheColumnAndKeepTheSession() throws Exception {
        Result r = repl("let z = 1 +* 2\n'next'\n");
        assertEquals(3, r.exit);
        assertTrue(r.err.startsWith("SyntaxError: ") && r.err.contains("column"), r.err);
        assertEquals("'next'\n", r.out);
    }

    @Test
    void exceptionsPrintTheJavaScriptStack() throws Exception {
        Result r = repl("function inner() { throw new TypeError('bad thing') }\nasync function outer() { await null; inner() }\nawait outer()\n");
        assertEquals(3, r.exit);
        assertTrue(r.err.contains("Uncaught TypeError: bad thing"), r.err);
        assertTrue(r.err.contains("at inner (repl"), r.err);
        assertFalse(r.err.contains("\tat "), "no Java stack: " + r.err);
    }

    @Test
    void badLoadsAndRuns() throws Exception {
        Files.writeString(tmp.resolve("broken.js"), "export function f( {\n");
        Files.writeString(tmp.resolve("lib.js"), "export const answer = 42;\nexport async function hello() { return 'hi'; }\n");
        Result r = repl(".load missing.js\n.load broken.js\n.load lib.js\nanswer\nawait hello()\n.run nope\n.run -u\n.nosuch\n");
        assertEquals(3, r.exit);
        assertTrue(r.err.contains(".load: no such file: missing.js"), r.err);
        assertTrue(r.err.contains(".load broken.js: SyntaxError"), r.err);
        assertTrue(r.out.contains("loaded lib.js: answer, hello\n42\n'hi'\n"), r.out);
        assertTrue(r.err.contains(".run: unknown function 'nope'; declared functions: answer, hello"), r.err);
        assertTrue(r.err.contains(".run: a value is missing"), r.err);
        assertTrue(r.err.contains("unknown command .nosuch"), r.err);
    }

    @Test
    void objectsPrintLikeNode() throws Exception {
        Result r = repl("({ list: Array.from({ length: 3 }, (_, i) => i) })\n");
        assertEquals("{ list: [ 0, 1, 2 ] }\n", r.out);
    }

    @Test
    void aLoadedScriptsSetupAndFunctionsWithTheReplsVu() throws Exception {
        Files.writeString(tmp.resolve("claims.js"), "export async function setup() { return { n: 2 }; }\n"
                + "export async function twice(data, vu) { return data.n * 2 + vu.id; }\n");
        Result r = repl(".setup\n.load claims.js\n.setup\nawait twice(data, vu)\n");
        assertEquals(3, r.exit, r.err);
        assertTrue(r.err.contains("no setup() loaded"), r.err);
        assertTrue(r.out.endsWith("{ n: 2 }\n5\n"), r.out);
    }
}
