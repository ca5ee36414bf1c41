package dev.salvo.dsl.runner;

import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.thresholds.Verdict;

import java.util.List;

/**
 * How a run ended and what it means for CI: the exit code, the verdict line the console prints,
 * and the {@link RunEnd} the result files state. Precedence: abort() > abortOnFail > Ctrl-C >
 * a breached threshold > passed.
 */
record Ending(int code, String line, RunEnd end) {

    static Ending of(RunResult result, List<Verdict> verdicts, RunControl control) {
        List<Verdict> failed = verdicts.stream().filter(v -> !v.passed()).toList();
        if (control.aborted() != null) {
            return new Ending(ExitCodes.ABORTED, "ABORTED by the script: " + control.aborted() + " (exit " + ExitCodes.ABORTED + ")",
                    new RunEnd(ExitCodes.ABORTED, "aborted", control.aborted()));
        }
        if (control.thresholdAbort() != null) {
            String why = control.thresholdAbort().describe();
            return new Ending(ExitCodes.THRESHOLDS, "FAILED: stopped early by abortOnFail: " + why + " (exit " + ExitCodes.THRESHOLDS + ")",
                    new RunEnd(ExitCodes.THRESHOLDS, "threshold-abort", why));
        }
        if (result.interrupted() && !control.capped()) {
            return new Ending(ExitCodes.INTERRUPTED, "INTERRUPTED (exit " + ExitCodes.INTERRUPTED + ")",
                    new RunEnd(ExitCodes.INTERRUPTED, "interrupted", "stopped by a signal (Ctrl-C or SIGTERM)"));
        }
        int code;
        String line;
        if (!failed.isEmpty()) {
            code = ExitCodes.THRESHOLDS;
            StringBuilder text = new StringBuilder("FAILED: " + failed.size() + " of " + verdicts.size() + " thresholds breached (exit "
                    + ExitCodes.THRESHOLDS + ")");
            failed.forEach(v -> text.append("\n  ✗ ").append(v.describe()));
            line = text.toString();
        } else {
            code = ExitCodes.OK;
            line = "PASSED" + (verdicts.isEmpty() ? "" : ": " + verdicts.size() + " thresholds held");
        }
        return new Ending(code, line, control.capped()
                ? new RunEnd(code, "max-duration", "stopped at the --max-duration cap")
                : new RunEnd(code, "completed", null));
    }

    /** The same ending with another exit code (a regression against the baseline). */
    Ending withCode(int other) {
        return new Ending(other, line, new RunEnd(other, end.ended(), end.reason()));
    }
}
