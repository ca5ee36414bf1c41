package dev.salvo.dsl.repl;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Errors as a REPL user reads them: syntax errors with line and column, exceptions with the JS stack, never a Java stack. */
final class Errors {
    private Errors() {}

    static String describe(PolyglotException e, Value helpers) {
        SourceSection at = e.getSourceLocation();
        if (e.isSyntaxError()) {
            String where = at == null ? "" : " (line " + at.getStartLine() + ", column " + at.getStartColumn() + ")";
            String msg = e.getMessage().replaceFirst("^SyntaxError: ", "").replaceFirst("^[^:\\s]+:\\d+:\\d+ ", "");
            return "SyntaxError: " + msg.lines().findFirst().orElse(msg) + where;
        }
        if (e.isHostException()) return "Uncaught " + e.asHostException().getMessage();
        if (e.isGuestException() && helpers != null && e.getGuestObject() != null) {
            return "Uncaught " + helpers.getMember("describe").execute(e.getGuestObject()).asString();
        }
        return "Uncaught " + e.getMessage();
    }
}
