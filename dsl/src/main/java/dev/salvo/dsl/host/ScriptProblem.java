package dev.salvo.dsl.host;

/**
 * A mistake of the script's found by the host API (a call at the wrong time, a bad argument, a file it may
 * not read). Scripts see it as a JavaScript {@code Error} or {@code TypeError} with salvo's message, never as
 * a Java exception: the modules catch it and the prelude's {@code scriptError} makes it a JavaScript error.
 */
public class ScriptProblem extends RuntimeException {
    private ScriptProblem(String message) {
        super(message, null, false, false);
    }

    /** A call the script made at the wrong time or on the wrong thing: an {@code Error}. */
    public static ScriptProblem error(String message) {
        return new ScriptProblem(message);
    }

    /** An argument of the wrong type or value: a {@code TypeError} (the prelude knows it by its class name). */
    public static ScriptProblem type(String message) {
        return new Type(message);
    }

    private static final class Type extends ScriptProblem {
        Type(String message) {
            super(message);
        }
    }
}
