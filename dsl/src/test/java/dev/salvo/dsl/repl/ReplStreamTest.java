package dev.salvo.dsl.repl;

import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.run.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code await sse.open(...)} at the prompt: the events print as they come (console output), then the response. */
class ReplStreamTest {
    @TempDir Path tmp;

    @Test
    void anAwaitedStreamPrintsItsEventsAsTheyComeThenItsResponse() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DemoServer demo = DemoServer.start(DemoOptions.defaults()); Workers workers = new Workers(1)) {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8)); // where console.log writes
            JsScript js = JsScript.session(tmp);
            Session session = new Session(js, new HostContext(Prepared.envJson(Map.of("BASE_URL", demo.baseUrl())), false,
                    new Metrics(), m -> { }, m -> { }), workers.get(0));
            try {
                Repl repl = new Repl(session, workers, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8));
                int exit = repl.piped(new BufferedReader(new StringReader(
                        "const r = await sse.open(`${env.BASE_URL}/sse?rate=100&count=3&event=tick`)\n[r.status, r.events]\n"
                                + "(await llm.chat(`${env.BASE_URL}/v1/chat/completions?ttft=0&itl=0`, { messages: [], max_tokens: 2 })).text\n")));
                assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
            } finally {
                session.close();
                js.close();
            }
        } finally {
            System.setOut(stdout);
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("tick #0: {\"seq\":0,") && printed.contains("tick #2: {\"seq\":2,"), printed);
        assertEquals("[ 200, 3 ]\n'salvo streams'\n", out.toString(StandardCharsets.UTF_8));
    }
}
