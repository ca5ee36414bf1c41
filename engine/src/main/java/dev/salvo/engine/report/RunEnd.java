package dev.salvo.engine.report;

/**
 * How a run ended, as the reports state it: {@code ended} is one of {@code completed},
 * {@code interrupted} (Ctrl-C, SIGTERM), {@code aborted} (the script's abort()) or
 * {@code threshold-abort} (abortOnFail); {@code reason} says more, or is null.
 */
public record RunEnd(int exitCode, String ended, String reason) {
    public boolean passed() {
        return exitCode == 0;
    }
}
