package dev.salvo.dsl.repl;

import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.cli.ReplCommand;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.run.Workers;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A REPL session against the demo target on JLine's own terminal over streams (an xterm of
 * 120×40): tests type keys into it and read the screen's text without escape sequences.
 */
final class ReplHarness implements AutoCloseable {
    final DemoServer demo;
    final Workers workers = new Workers(2);
    final JsScript js;
    final Session session;
    final Path history;
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private int mark;

    ReplHarness(Path folder) throws Exception {
        demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
        Map<String, String> vars = Map.of("BASE_URL", demo.baseUrl());
        String envJson = Prepared.envJson(vars);
        js = JsScript.session(folder);
        session = new Session(js, new HostContext(envJson, false, new Metrics(), m -> { }, m -> { }), workers.get(0));
        history = folder.resolve("home/.salvo/history");
        terminal = TerminalBuilder.builder().system(false).streams(new PipedInputStream(keys, 1 << 16), screen)
                .type("xterm").size(new Size(120, 40)).encoding(StandardCharsets.UTF_8).build();
        // Ctrl-C reaches the line editor as a key (on this in-memory terminal, JLine's SIGINT path does
        // not wake a blocked read); while an input runs, sigint() sends what a terminal's Ctrl-C sends
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(attributes);
        PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        Repl repl = new Repl(session, workers, vars, out, out);
        Thread t = new Thread(() -> {
            try {
                exit.complete(Console.run(repl, terminal, history, ReplCommand.prompt(demo.baseUrl())));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "repl-under-test");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the first prompt; returns the prompt. */
    String ready() throws InterruptedException {
        String prompt = "salvo 127.0.0.1:" + demo.port() + "> ";
        waitFor(prompt);
        return prompt;
    }

    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** What a terminal does on Ctrl-C while no line is edited. */
    void sigint() {
        terminal.raise(Terminal.Signal.INT);
    }

    /** The screen's text so far, escape sequences and carriage returns removed. */
    String text() {
        String raw;
        synchronized (screen) {
            raw = screen.toString(StandardCharsets.UTF_8);
        }
        return raw.replaceAll("\u001B\\[[;?0-9]*[ -/]*[@-~]", "").replaceAll("\u001B[()][0-9A-B]", "")
                .replaceAll("\u001B[=>]", "").replace("\r", "");
    }

    /** Waits until {@code expected} appears after the previous match; returns the text up to it. */
    String waitFor(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = text();
            int at = text.indexOf(expected, mark);
            if (at >= 0) {
                String seen = text.substring(mark, at + expected.length());
                mark = at + expected.length();
                return seen;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("'" + expected + "' did not appear; screen after the last match:\n" + text().substring(mark)
                + "\n--- the last 600 characters of the screen:\n" + text().substring(Math.max(0, text().length() - 600)));
    }

    /** The REPL's exit code; if it has not exited within 30 s, fails with what the screen shows. */
    int exitCode() throws Exception {
        try {
            return exit.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the REPL did not exit within 30 s; the last 600 characters of the screen:\n"
                    + text().substring(Math.max(0, text().length() - 600)));
        }
    }

    @Override
    public void close() throws Exception {
        terminal.close();
        session.close();
        workers.close();
        js.close();
        demo.close();
    }
}
