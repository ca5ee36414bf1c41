package dev.salvo.dsl.repl;

import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Reference;
import org.jline.keymap.KeyMap;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;


/**
 * The interactive REPL on a JLine terminal: line editing, persistent history, Tab completion,
 * multi-line input while GraalJS says the statement is incomplete, Ctrl-C clears the line (or
 * stops the running input), Ctrl-D exits.
 */
public final class Console {
    private static final Pattern WORD = Pattern.compile("([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)?\\.?$");

    private Console() {}

    /** Runs until Ctrl-D or .exit; the exit code is 0. */
    public static int run(Repl repl, Terminal terminal, Path history, String prompt) throws InterruptedException {
        try (Syntax syntax = repl.session().syntax()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("salvo")
                    .parser(new JsParser(syntax))
                    .completer((r, line, candidates) -> complete(repl, line, candidates))
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P... ")
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.INSERT_TAB, false)
                    .build();
            // Ctrl-C as a key (a terminal without ISIG) clears the line as SIGINT does while reading
            reader.getWidgets().put("salvo-interrupt", () -> {
                throw new UserInterruptException(reader.getBuffer().toString());
            });
            for (String map : List.of(LineReader.EMACS, LineReader.VIINS, LineReader.VICMD)) {
                reader.getKeyMaps().get(map).bind(new Reference("salvo-interrupt"), KeyMap.ctrl('C'));
            }
            terminal.handle(Terminal.Signal.INT, s -> repl.interrupt());
            terminal.writer().println("salvo repl: JavaScript with salvo's modules. .help shows the commands, Ctrl-D exits.");
            terminal.flush();
            while (!repl.exit) {
                String input;
                try {
                    input = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: the line is dropped, a fresh prompt follows
                } catch (EndOfFileException e) {
                    break;
                }
                repl.accept(input);
                terminal.flush();
            }
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                terminal.writer().println("salvo: could not save the history to " + history + ": " + e.getMessage());
            }
        }
        return 0;
    }

    private static void complete(Repl repl, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        if (before.strip().startsWith(".") && !before.contains(" ")) {
            Repl.COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        Matcher m = WORD.matcher(before);
        if (!m.find()) return;
        String word = m.group();
        int dot = word.lastIndexOf('.');
        String owner = dot < 0 ? "" : word.substring(0, dot);
        for (String name : repl.session().names(owner)) {
            candidates.add(new Candidate(dot < 0 ? name : owner + "." + name, name, null, null, null, null, true));
        }
    }

    /** Splits words as JLine's parser does, but asks for more lines while the JavaScript is incomplete. */
    private static final class JsParser extends DefaultParser {
        private final Syntax syntax;

        JsParser(Syntax syntax) {
            this.syntax = syntax;
            escapeChars(new char[0]);
            quoteChars(new char[0]);
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(".") && syntax.incomplete(line)) {
                throw new EOFError(-1, -1, "incomplete JavaScript", "more");
            }
            ParsedLine parsed = super.parse(line, cursor, context);
            return parsed;
        }
    }
}
