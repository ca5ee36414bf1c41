package dev.salvo.dsl.repl;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;


/** Asks GraalJS whether an input is complete, in a parse-only context of the calling thread (the terminal's). */
final class Syntax implements AutoCloseable {
    private final Context context;

    Syntax(Context context) {
        this.context = context;
    }

    /**
     * True while the input ends before its statement does: an open bracket, template literal, block
     * comment, or a string continued with a backslash, as Node's REPL asks for more.
     */
    boolean incomplete(String input) {
        try {
            context.parse(Source.newBuilder("js", input, "input").mimeType("application/javascript+module").buildLiteral());
            return false;
        } catch (PolyglotException e) {
            // GraalJS calls an unterminated template a syntax error ("Missing close quote"), not incomplete
            return e.isIncompleteSource() || (e.isSyntaxError() && open(input));
        }
    }

    /** Whether {@code js} ends inside a template literal, a block comment, a continued string or an open bracket. */
    static boolean open(String js) {
        java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>(); // '(' '[' '{' and '`', '$' for ${ in a template
        char quote = 0;
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            char top = stack.isEmpty() ? 0 : stack.peek();
            if (quote != 0) { // in '...' or "..."
                if (c == '\\') i++;
                else if (c == quote || c == '\n') quote = 0;
                continue;
            }
            if (top == '`') {
                if (c == '\\') i++;
                else if (c == '`') stack.pop();
                else if (c == '$' && i + 1 < js.length() && js.charAt(i + 1) == '{') {
                    stack.push('$');
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < js.length() && js.charAt(i + 1) == '/') {
                int nl = js.indexOf('\n', i);
                if (nl < 0) return false;
                i = nl;
            } else if (c == '/' && i + 1 < js.length() && js.charAt(i + 1) == '*') {
                int end = js.indexOf("*/", i + 2);
                if (end < 0) return true;
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '`' || c == '(' || c == '[' || c == '{') {
                stack.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (stack.isEmpty()) return false;
                stack.pop();
            }
        }
        boolean continued = quote != 0 && js.endsWith("\\\n") || quote != 0 && js.endsWith("\\");
        return !stack.isEmpty() || continued;
    }

    @Override
    public void close() {
        context.close();
    }
}
