package dev.salvo.engine.thresholds;

/** A malformed threshold expression or metric selector, with the 1-based column where it went wrong. */
public final class ThresholdSyntaxException extends Exception {
    private final int column;

    /** @param hint an extra sentence such as "write p(95), not p95", or null */
    public ThresholdSyntaxException(String reason, int column, String hint) {
        super(reason + " at column " + column + (hint == null ? "" : "; " + hint));
        this.column = column;
    }

    public int column() {
        return column;
    }
}
