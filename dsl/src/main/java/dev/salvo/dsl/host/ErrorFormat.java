package dev.salvo.dsl.host;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns GraalJS errors into messages that point at the script: {@code file:line:column}. */
public final class ErrorFormat {
    private static final Pattern SYNTAX_PREFIX = Pattern.compile("^SyntaxError: \\S+:\\d+:\\d+ ");
    private static final Pattern FRAME = Pattern.compile("\\(?((?:file://)?/[^():\\s]+):(\\d+):(\\d+)\\)?");
    private static final Path CWD = Path.of("").toAbsolutePath();

    private ErrorFormat() {}

    /** A path as the user would type it: relative to the current folder when inside it. */
    public static String display(String path) {
        if (path == null) return "<unknown>";
        try {
            Path p = Path.of(path.startsWith("file://") ? path.substring(7) : path).toAbsolutePath().normalize();
            return p.startsWith(CWD) ? CWD.relativize(p).toString() : p.toString();
        } catch (RuntimeException e) {
            return path;
        }
    }

    static String location(SourceSection s) {
        if (s == null || s.getSource() == null) return null;
        String path = s.getSource().getPath() != null ? s.getSource().getPath() : s.getSource().getName();
        return display(path) + ":" + s.getStartLine() + ":" + s.getStartColumn();
    }

    /** A load-time error: syntax errors with their position and code line, exceptions with the JS stack. */
    public static String loadError(PolyglotException e) {
        String where = location(e.getSourceLocation());
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e.isSyntaxError()) {
            String text = SYNTAX_PREFIX.matcher(message).replaceFirst("SyntaxError: ");
            return (where != null ? where + ": " : "") + text.stripTrailing();
        }
        StringBuilder b = new StringBuilder();
        b.append(where != null ? where + ": " : "").append(message);
        appendGuestStack(e, b);
        return b.toString();
    }

    static void appendGuestStack(PolyglotException e, StringBuilder b) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame()) continue;
            String loc = location(f.getSourceLocation());
            if (loc == null || loc.contains("__salvo__")) continue;
            String root = f.getRootName();
            String name = root == null || root.isEmpty() || root.startsWith(":") ? "<module>" : root;
            b.append("\n    at ").append(name).append(" (").append(loc).append(')');
        }
    }

    /** An iteration error: the message and where it was thrown, e.g. {@code Error: boom (at script.js:12:11)}. */
    public static String iterationError(String message, String stack) {
        String where = scriptFrame(stack);
        return where == null ? message : message + " (at " + where + ")";
    }

    /** The first frame of a JavaScript stack that is in the user's script, as {@code file:line:column}; null if none. */
    public static String scriptFrame(String stack) {
        if (stack == null) return null;
        for (String line : stack.split("\n")) {
            String l = line.trim();
            if (!l.startsWith("at ") || l.contains("__salvo__") || l.contains("<internal")) continue;
            Matcher m = FRAME.matcher(l);
            if (m.find()) return display(m.group(1)) + ":" + m.group(2) + ":" + m.group(3);
        }
        return null;
    }
}
