package dev.salvo.engine.report;

/**
 * How a run ended, as the reports state it: {@code ended} is one of {@code completed},
 * {@code interrupted} (Ctrl-C, SIGTERM), {@code aborted} (the script's abort()),
 * {@code threshold-abort} (abortOnFail), {@code max-duration}, {@code setup-failed} or
 * {@code out-of-memory}; {@code reason} says more, or is null. {@code verdict} is the headline:
 * {@code PASSED} (thresholds held), {@code FINISHED} (none declared), {@code FAILED},
 * {@code INTERRUPTED} or {@code ABORTED}.
 */
public record RunEnd(int exitCode, String ended, String reason, String verdict) {
    /** The headline as it follows from the exit code and how the run ended. */
    public RunEnd(int exitCode, String ended, String reason) {
        this(exitCode, ended, reason, exitCode == 0 ? "PASSED" : switch (ended) {
            case "interrupted" -> "INTERRUPTED";
            case "aborted" -> "ABORTED";
            default -> "FAILED";
        });
    }

    public boolean passed() {
        return exitCode == 0;
    }
}
