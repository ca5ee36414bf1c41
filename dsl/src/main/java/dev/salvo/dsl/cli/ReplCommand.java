package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.repl.Console;
import dev.salvo.dsl.repl.Repl;
import dev.salvo.dsl.repl.Session;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.run.Workers;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.io.IOException;


/** {@code salvo repl [SCRIPT]}: JavaScript at a prompt on the same runtime as {@code salvo run}. */
@Command(name = "repl", sortOptions = false,
        description = {"Probe endpoints interactively, then save the session as a scenario.",
                "With standard input not a terminal, evaluates it line by line: exit 0, or 3 if a line failed."},
        footerHeading = "%nExamples:%n",
        footer = {"  salvo repl --demo                   then: await http.get(`${env.BASE_URL}/health`)",
                "  echo 'await http.get(\"https://example.com\")' | salvo repl"})
public final class ReplCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "A module to load first (its exports become globals).")
    Path script;

    @Option(names = "--demo", description = "Start the embedded demo target; sets env.BASE_URL, env.HTTPS_URL and env.WS_URL.")
    boolean demo;

    @Option(names = "--insecure-skip-tls-verify",
            description = "Accept any TLS certificate (self-signed, expired, another host's), as k6's flag: e.g. for the demo's env.HTTPS_URL.")
    boolean insecureSkipTlsVerify;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Set env.K (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--history", paramLabel = "FILE", description = "The history file (default: ~/.salvo/history).")
    Path history;

    @Override
    public Integer call() throws Exception {
        if (script != null && !Files.isRegularFile(script)) {
            System.err.println("salvo repl: script not found: " + script);
            return ExitCodes.USAGE;
        }
        Path folder = script != null ? script.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
        DemoServer target = demo ? DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0)) : null;
        Map<String, String> vars = new LinkedHashMap<>();
        if (target != null) {
            vars.putAll(target.env());
        }
        vars.putAll(env);
        String envJson = Prepared.envJson(vars);
        HostContext host = new HostContext(envJson, false, new Metrics(), System.err::println, m -> System.err.println("abort(): " + m));
        boolean tty = System.console() != null && System.console().isTerminal();
        try (JsScript js = JsScript.session(folder);
             Workers workers = new Workers(Workers.defaultCount());
             Session session = new Session(js, host, workers.get(0), insecureSkipTlsVerify)) {
            if (!tty) {
                Repl repl = new Repl(session, workers, vars, System.out, System.err);
                if (script != null && !repl.loadFile(script.getFileName().toString())) return ExitCodes.SCRIPT;
                return repl.piped(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                PrintStream screen = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
                Integer colours = terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors);
                Repl repl = new Repl(session, workers, vars, screen, screen)
                        .colour(Repl.wantsColour(terminal.getType(), colours == null ? 0 : colours, System.getenv("NO_COLOR")));
                if (script != null) repl.loadFile(script.getFileName().toString());
                return Console.run(repl, terminal, historyFile(), prompt(vars.get("BASE_URL")));
            }
        } finally {
            if (target != null) target.close();
        }
    }

    private Path historyFile() throws IOException {
        if (history != null) return history;
        String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
        return Files.createDirectories(Path.of(home, ".salvo")).resolve("history");
    }

    /** {@code salvo> }, or {@code salvo 127.0.0.1:8080> } when BASE_URL names a target. */
    public static String prompt(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) return "salvo> ";
        try {
            URI uri = URI.create(baseUrl);
            return uri.getHost() == null ? "salvo> " : "salvo " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "> ";
        } catch (IllegalArgumentException e) {
            return "salvo> ";
        }
    }
}
