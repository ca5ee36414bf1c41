package dev.salvo.dsl.runner;

import java.io.PrintStream;

/**
 * The one line rewritten in place on a terminal; a line printed meanwhile (a warning) clears it
 * first and draws it again below, so nothing is glued to it and no stale copy stays in the
 * scrollback. Off a terminal every line is printed as it comes.
 */
final class LiveLine {
    private static final String CLEAR = "\r\033[K";
    private final PrintStream err;
    private final boolean terminal;
    private String shown = "";

    LiveLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    boolean terminal() {
        return terminal;
    }

    /** Rewrites the live line (a terminal), or prints {@code text} as one more line. */
    synchronized void show(String text) {
        if (!terminal) {
            err.println(text);
            return;
        }
        shown = text;
        err.print(CLEAR + text);
        err.flush();
    }

    /** Prints a line above the live line. */
    synchronized void println(String text) {
        if (terminal && !shown.isEmpty()) {
            err.print(CLEAR + text + "\n" + shown);
            err.flush();
        } else {
            err.println(text);
        }
    }

    /** Clears the live line for good: what follows prints where it was. */
    synchronized void clear() {
        if (terminal && !shown.isEmpty()) {
            err.print(CLEAR);
            err.flush();
        }
        shown = "";
    }
}
