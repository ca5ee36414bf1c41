package dev.salvo.dsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive REPL driven through a terminal: typing, Tab, Ctrl-C, multi-line input, .run, .save, Ctrl-D. */
class ReplTerminalTest {
    private static final String CTRL_C = "\u0003";
    private static final String CTRL_D = "\u0004";

    @TempDir Path tmp;

    @Test
    void aSessionAtTheTerminal() throws Exception {
        try (ReplHarness repl = new ReplHarness(tmp)) {
            String prompt = "salvo 127.0.0.1:" + repl.demo.port() + "> ";
            repl.waitFor(prompt);

            repl.type("6 * 7\r");
            repl.waitFor("42");

            // Tab completes a module member: http.ge -> http.get
            repl.type("const res = await http.ge\t");
            repl.waitFor("http.get");
            repl.type("(`${env.BASE_URL}/api/items/1`)\r");
            repl.waitFor(prompt);
            repl.type("res\r");
            String shown = repl.waitFor("\"name\": \"Item 1\"");
            assertTrue(shown.contains("HTTP/1.1 200 OK"), shown);
            assertTrue(shown.contains("timings (ms): blocked"), shown);
            assertTrue(shown.contains("content-type: application/json"), shown);

            // Tab on a property of the last values: res.sta -> res.status
            repl.type("res.sta\t\r");
            repl.waitFor("200");

            // Ctrl-C drops the line being typed; the session goes on
            repl.type("this line is dropped");
            Thread.sleep(300); // let the line editor take the keys in (JLine redraws them in pieces)
            repl.type(CTRL_C);
            repl.waitFor(prompt);
            repl.type("'after' + ' ctrl-c'\r");
            repl.waitFor("'after ctrl-c'");
            assertFalse(repl.text().contains("ReferenceError"), repl.text());

            // Ctrl-C while a request is awaited stops waiting for it
            repl.type("await http.get(`${env.BASE_URL}/delay?ms=20000`)\r");
            Thread.sleep(300);
            repl.sigint();
            repl.waitFor("cancelled (Ctrl-C)");
            repl.waitFor(prompt);

            // Tab completes commands
            repl.type(".he\t\r");
            repl.waitFor(".save FILE");

            // multi-line input continues while the statement is incomplete
            repl.type("async function probe() {\r");
            repl.waitFor("... ");
            repl.type("  const r = await http.get(`${env.BASE_URL}/health`);\r");
            repl.type("  check(r, { 'health is 200': (x) => x.status === 200 });\r");
            repl.type("}\r");
            repl.waitFor(prompt);
            repl.type("(await http.get(`${env.BASE_URL}/health`)).json('status')\r");
            repl.waitFor("'ok'");

            // .run a declared function as a small load, summary printed, back at the prompt
            repl.type(".run probe -u 2 -i 6\r");
            String summary = repl.waitFor("FINISHED — no thresholds declared");
            assertTrue(summary.contains("6 iterations completed"), summary);
            assertTrue(summary.contains("health is 200"), summary);
            repl.waitFor(prompt);
            // Ctrl-C stops a .run on purpose: the summary is still printed, and says "stopped", not INTERRUPTED
            repl.type(".run probe -u 2 -t 60s\r");
            repl.waitFor("running 2 VUs, for 1m");
            Thread.sleep(1000);
            repl.sigint();
            String stopped = repl.waitFor("FINISHED — no thresholds declared");
            assertTrue(stopped.contains("health is 200"), stopped);
            assertTrue(stopped.matches("(?s).*\\n  stopped in \\S+: \\d+ iterations? completed, \\d+ interrupted.*"), stopped);
            assertFalse(stopped.contains("INTERRUPTED"), stopped);
            repl.waitFor(prompt);
            repl.type(".run nosuch\r");
            repl.waitFor("unknown function 'nosuch'; declared functions: probe");

            // .save writes a scenario that salvo run accepts
            repl.type(".save probe.js\r");
            repl.waitFor("saved probe.js");
            String saved = Files.readString(tmp.resolve("probe.js"));
            assertTrue(saved.contains("export async function probe()"), saved);
            assertTrue(saved.contains("export default async function (data, vu) {"), saved);

            repl.waitFor(prompt); // Ctrl-D at the prompt, not while the line of .save is still being handled
            repl.type(CTRL_D);
            assertEquals(0, repl.exitCode());
            assertTrue(Files.readString(repl.history).contains("async function probe()"), "history is kept");

            Salvo.Result run = Salvo.run("run", "--demo", tmp.resolve("probe.js").toString());
            assertEquals(0, run.exit(), run.toString());
        }
    }
}
