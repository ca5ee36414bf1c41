package dev.salvo.dsl.runner;

/** The exit codes of DESIGN §5: promises to CI, never change their meaning. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int SCRIPT = 3;
    /** A result file could not be written (a full disk, a read-only folder); the console summary was printed. */
    public static final int WRITE_FAILED = 95;
    /** The generator ran out of memory (a worker's OutOfMemoryError): the run stopped, its results were written. */
    public static final int OUT_OF_MEMORY = 96;
    /** Nothing succeeded: every request failed, or every iteration threw, whatever the thresholds. */
    public static final int ALL_FAILED = 97;
    /** {@code salvo coordinate}: a shard was lost (it died, or never connected by --start-at); the merged result is partial. */
    public static final int PARTIAL = 98;
    public static final int THRESHOLDS = 99;
    public static final int REGRESSION = 100;
    public static final int ABORTED = 108;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
