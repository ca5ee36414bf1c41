package dev.salvo.dsl.repl;

import dev.salvo.engine.run.Workers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The REPL's commands and evaluation, whatever the input: a terminal ({@link Console}) or a pipe ({@link #piped}). */
public final class Repl {
    static final List<String> COMMANDS = List.of(".help", ".load", ".setup", ".run", ".save", ".env", ".clear", ".exit");
    private static final String HELP = """
            JavaScript runs as in a scenario: await http.get(`${env.BASE_URL}/health`)
            http, check, group, sleep, between, fail, env, Counter, Gauge, Rate, Trend and vu are bound; import works.
            _ holds the last result. Ctrl-C clears the line or stops a request or a .run; Ctrl-D exits.
              .help                              this text
              .load FILE                         evaluate a module; its exports become globals
              .setup                             call the loaded script's setup(); its result becomes data
              .run [FUNCTION] [-u N] [-t DUR] [-i N]
                                                 run the session (or FUNCTION) as a small load; print the summary
              .save FILE                         write the session as a scenario script for salvo run
              .env                               show the variables set by --demo and -e
              .clear                             forget the inputs .save would write
              .exit                              leave (or Ctrl-D)""";

    private final Session session;
    private final LoadRun load;
    private final Map<String, String> vars;
    private final Saver saver = new Saver();
    private final PrintStream out;
    private final PrintStream err;
    boolean exit;
    private boolean colour;

    public Repl(Session session, Workers workers, Map<String, String> vars, PrintStream out, PrintStream err) {
        this.session = session;
        this.load = new LoadRun(workers, vars);
        this.vars = vars;
        this.out = out;
        this.err = err;
    }

    Session session() {
        return session;
    }

    /** Colours results and errors from now on (a terminal that has colours, NO_COLOR unset). */
    public Repl colour(boolean on) {
        colour = on;
        session.colour(on);
        return this;
    }

    /** Whether a terminal of {@code type} with {@code colours} colours should get them; {@code noColor} is $NO_COLOR. */
    public static boolean wantsColour(String type, int colours, String noColor) {
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(type) && colours >= 8;
    }

    /** Evaluates one complete input or command; false when it failed. */
    public boolean accept(String input) throws InterruptedException {
        String line = input.strip();
        if (line.isEmpty()) return true;
        if (line.startsWith(".") && !line.startsWith("..")) return command(line);
        return evaluate(input, true);
    }

    private boolean evaluate(String input, boolean save) {
        Session.Outcome o = session.eval(input);
        if (o.ok()) {
            if (save) saver.add(input);
            if (!o.text().isEmpty()) out.println(o.text());
        } else {
            err.println(colour ? "\033[31m" + o.text() + "\033[0m" : o.text());
        }
        return o.ok();
    }

    private boolean command(String line) throws InterruptedException {
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case ".help" -> {
                out.println(HELP);
                if (vars.get("BASE_URL") == null) {
                    out.println("env.BASE_URL is not set in this session: start it with --demo (the demo target) or -e BASE_URL=URL,"
                            + " or use a full URL: await http.get('https://example.com/')");
                }
            }
            case ".exit" -> exit = true;
            case ".clear" -> {
                saver.clear();
                out.println("forgot the session's inputs (variables stay)");
            }
            case ".setup" -> {
                return evaluate("globalThis.data = await (typeof setup === 'function' ? setup()"
                        + " : Promise.reject(new Error('no setup() loaded: .load a script that exports one')))", false);
            }
            case ".env" -> vars.forEach((k, v) -> out.println(k + "=" + v));
            case ".load" -> {
                return loadFile(arg);
            }
            case ".save" -> {
                return save(arg);
            }
            case ".run" -> {
                return load.run(arg, saver, session.folder(), out, err);
            }
            default -> {
                err.println("unknown command " + parts[0] + "; commands: " + String.join(" ", COMMANDS));
                return false;
            }
        }
        return true;
    }

    /** Loads a module into the session; also what {@code salvo repl SCRIPT} does first. */
    public boolean loadFile(String arg) {
        if (arg.isEmpty()) {
            err.println(".load: which file? (.load FILE)");
            return false;
        }
        Path file = session.folder().resolve(arg).normalize();
        if (!Files.isRegularFile(file)) {
            err.println(".load: no such file: " + arg);
            return false;
        }
        Session.Outcome o = session.load(file);
        if (!o.ok()) {
            err.println(".load " + arg + ": " + o.text());
            return false;
        }
        List<String> exports = o.text().isEmpty() ? List.of() : Arrays.asList(o.text().split(", "));
        saver.loaded(file, exports);
        out.println("loaded " + arg + (exports.isEmpty() ? " (no exports)" : ": " + o.text()));
        return true;
    }

    private boolean save(String arg) {
        if (arg.isEmpty()) {
            err.println(".save: where? (.save FILE)");
            return false;
        }
        Path file = session.folder().resolve(arg).normalize();
        try {
            Files.writeString(file, saver.script(file.toAbsolutePath().getParent(), null, true));
        } catch (NoSuchFileException e) {
            err.println(".save: no such folder for " + arg);
            return false;
        } catch (IOException e) {
            err.println(".save: cannot write " + arg + ": " + e.getMessage());
            return false;
        }
        out.println("saved " + arg + "; run it with: salvo run " + arg);
        return true;
    }

    /** Stops what runs now (Ctrl-C while not editing): a .run, else the awaited input. */
    void interrupt() {
        if (!load.stop()) session.cancel();
    }

    /** Standard input is not a terminal: lines are evaluated one by one (an incomplete one waits for more). Exit 0, or 3 if one failed. */
    public int piped(BufferedReader in) throws IOException, InterruptedException {
        boolean failed = false;
        StringBuilder pending = new StringBuilder();
        try (Syntax syntax = session.syntax()) {
            for (String line; !exit && (line = in.readLine()) != null; ) {
                pending.append(line).append('\n');
                String input = pending.toString();
                if (!input.strip().startsWith(".") && syntax.incomplete(input)) continue;
                pending.setLength(0);
                if (!accept(input)) failed = true;
            }
            if (!pending.isEmpty() && !accept(pending.toString())) failed = true;
        }
        return failed ? 3 : 0;
    }
}
