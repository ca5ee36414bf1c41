package dev.salvo.dsl.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one REPL input into code that runs as a script in the session's context, so that names
 * persist: {@code import x from 'm'} becomes {@code x = (await import('m')).default}, and a single
 * top-level {@code const}/{@code let}/{@code var} declaration becomes an assignment to a global
 * (which may be declared again later, as in Node's REPL). Input that uses top-level {@code await}
 * is then wrapped in an async function by {@link Session}.
 */
final class Rewrite {
    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*import\\s+(.+?)\\s+from\\s+(['\"][^'\"]+['\"])\\s*;?\\s*$", Pattern.MULTILINE);
    private static final Pattern BARE_IMPORT = Pattern.compile("^\\s*import\\s+(['\"][^'\"]+['\"])\\s*;?\\s*$", Pattern.MULTILINE);
    private static final Pattern DECLARATION = Pattern.compile("^(?:const|let|var)\\s+([\\s\\S]+)$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*");
    static final Pattern FUNCTION = Pattern.compile("^(?:async\\s+)?function\\s*\\*?\\s*([A-Za-z_$][\\w$]*)");

    private Rewrite() {}

    /** The rewritten code, and whether it was a declaration (whose value is not printed). */
    record Code(String text, boolean declaration) {}

    static Code of(String input) {
        String src = stripSemicolon(input.strip());
        boolean imports = IMPORT.matcher(src).find() || BARE_IMPORT.matcher(src).find();
        src = BARE_IMPORT.matcher(src).replaceAll("await import($1);");
        src = IMPORT.matcher(src).replaceAll(m -> Matcher.quoteReplacement(imported(m.group(1), m.group(2))));
        Matcher d = DECLARATION.matcher(src);
        if (d.matches() && topLevelStatements(src) == 1) {
            String body = d.group(1).strip();
            if (!body.contains("=")) body = body + " = undefined";
            return new Code(body.startsWith("{") || body.startsWith("[") ? "(" + body + ")" : body, true);
        }
        boolean function = FUNCTION.matcher(src).find() && topLevelStatements(src) == 1;
        return new Code(src, imports || function || src.startsWith("class "));
    }

    private static String imported(String clause, String module) {
        List<String> out = new ArrayList<>();
        String c = clause.strip();
        if (!c.startsWith("{") && !c.startsWith("*")) {
            int comma = c.indexOf(',');
            String def = comma < 0 ? c : c.substring(0, comma).strip();
            out.add(def + " = (await import(" + module + ")).default;");
            c = comma < 0 ? "" : c.substring(comma + 1).strip();
        }
        if (c.startsWith("*")) {
            out.add(c.replaceFirst("^\\*\\s*as\\s+", "") + " = await import(" + module + ");");
        } else if (c.startsWith("{")) {
            out.add("({" + c.substring(1).replaceAll("\\s+as\\s+", ": ") + " = await import(" + module + "));");
        }
        return String.join(" ", out);
    }

    private static String stripSemicolon(String s) {
        String t = s;
        while (t.endsWith(";")) t = t.substring(0, t.length() - 1).stripTrailing();
        return t;
    }

    /** Statements at nesting depth 0, counting {@code ;} and line breaks outside brackets and strings (roughly). */
    static int topLevelStatements(String s) {
        int depth = 0;
        int statements = 1;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == '\\') i++;
                else if (ch == quote) quote = 0;
                continue;
            }
            switch (ch) {
                case '\'', '"', '`' -> quote = ch;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case ';' -> { if (depth == 0 && i < s.length() - 1) statements++; }
                default -> { }
            }
        }
        return statements;
    }

    /** The names a declaration input declares, for {@code .save}: {@code const {a, b: c} = x} declares a and c. */
    static List<String> declared(String input) {
        Matcher d = DECLARATION.matcher(stripSemicolon(input.strip()));
        if (!d.matches()) return List.of();
        String lhs = d.group(1).split("=", 2)[0];
        List<String> names = new ArrayList<>();
        if (!lhs.strip().startsWith("{") && !lhs.strip().startsWith("[")) {
            Matcher n = NAME.matcher(lhs);
            if (n.find()) names.add(n.group());
        }
        return names;
    }
}
