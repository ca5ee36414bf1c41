package dev.salvo.dsl.script;

/** A script that cannot be loaded or failed outside an iteration; the message is ready for the user. */
public final class ScriptError extends Exception {
    public ScriptError(String message) {
        super(message, null, false, false);
    }
}
