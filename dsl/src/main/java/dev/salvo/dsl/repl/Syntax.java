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

    /** True while the input ends before its statement does: an open bracket, string or template. */
    boolean incomplete(String input) {
        try {
            context.parse(Source.newBuilder("js", input, "input").mimeType("application/javascript+module").buildLiteral());
            return false;
        } catch (PolyglotException e) {
            return e.isIncompleteSource();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
