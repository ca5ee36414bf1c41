package dev.salvo.dsl.runner;

/** The exit codes of DESIGN §5: promises to CI, never change their meaning. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int SCRIPT = 3;
    public static final int THRESHOLDS = 99;
    public static final int REGRESSION = 100;
    public static final int ABORTED = 108;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
