package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.engine.config.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * A bad command line in salvo's words: {@code salvo run: ...} (never "salvo salvo:"), the flag as
 * the user typed it ({@code -u}, not picocli's {@code --users}), a did-you-mean for a mistyped
 * command or flag, and where to look; exit 2.
 */
final class CliErrors {
    private CliErrors() {}

    /** {@code variable}: the SALVO_* environment variable the bad value came from, or null. */
    static int handle(ParameterException ex, String[] args, String variable) {
        CommandLine c = ex.getCommandLine();
        PrintWriter err = c.getErr();
        String qualified = c.getCommandSpec().qualifiedName();
        // a command may parse on its own CommandLine (salvo demo's port check): name it as the user typed it
        String command = qualified.equals("salvo") || qualified.startsWith("salvo ") ? qualified : "salvo " + qualified;
        err.println(command + ": " + (variable == null ? "" : variable + " (from the environment): ") + message(ex, args));
        String suggestion = suggestion(ex);
        if (suggestion != null) err.println("Did you mean '" + suggestion + "'?");
        err.println("Try '" + command + " --help'" + (command.equals("salvo") ? " or 'salvo help COMMAND'" : "") + ".");
        return ExitCodes.USAGE;
    }

    static String message(ParameterException ex, String[] args) {
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            if (!unmatched.isEmpty()) {
                String first = unmatched.get(0);
                boolean flag = first.startsWith("-");
                boolean root = ex.getCommandLine().getCommandSpec().name().equals("salvo");
                return (flag ? "unknown option '" : root ? "unknown command '" : "unexpected argument '") + first + "'";
            }
        }
        String m = ex.getMessage();
        ArgSpec spec = ex.getArgSpec();
        if (spec instanceof OptionSpec o) {
            String typed = typed(o, args);
            if (typed != null && !typed.equals(o.longestName())) m = m.replace("'" + o.longestName() + "'", "'" + typed + "'");
        }
        return m;
    }

    /** The name of {@code o} the command line used ({@code -u} or {@code --vus=3}), or null. */
    private static String typed(OptionSpec o, String[] args) {
        for (int i = args.length - 1; i >= 0; i--) {
            String a = args[i];
            for (String name : o.names()) {
                if (a.equals(name) || a.startsWith(name + "=") || (name.length() == 2 && a.startsWith(name) && !a.startsWith("--"))) return name;
            }
        }
        return null;
    }

    /** The command (at the top) or flag closest to the first unmatched word, when it is plausibly a typo of it. */
    static String suggestion(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return null;
        String word = u.getUnmatched().get(0);
        CommandLine c = ex.getCommandLine();
        int eq = word.indexOf('=');
        if (word.startsWith("-")) return Suggest.closest(eq > 0 ? word.substring(0, eq) : word, c.getCommandSpec().optionsMap().keySet());
        return c.getCommandSpec().name().equals("salvo") ? Suggest.closest(word, c.getSubcommands().keySet()) : null;
    }
}
