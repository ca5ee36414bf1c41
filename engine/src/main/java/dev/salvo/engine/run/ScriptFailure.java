package dev.salvo.engine.run;

/** The script failed outside an iteration (module init, setup, teardown): the run cannot go on. */
public final class ScriptFailure extends Exception {
    public ScriptFailure(String message) {
        super(message, null, false, false);
    }
}
