package dev.salvo.engine.compare;

/** A baseline or current summary that cannot be read; the message names the file. */
public final class BaselineException extends Exception {
    public BaselineException(String message) {
        super(message);
    }
}
