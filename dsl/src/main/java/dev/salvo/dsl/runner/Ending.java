package dev.salvo.dsl.runner;

import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.thresholds.Verdict;

import java.util.List;

/**
 * How a run ended and what it means for CI: the exit code, the verdict line the console prints,
 * and the {@link RunEnd} the result files state. Precedence: abort() (108) > out of memory (96) >
 * nothing succeeded (97) > abortOnFail (99) > the coordinator's stop (99 or 130) > Ctrl-C (130) >
 * a breached threshold (99) > {@code --exit-code-on-error N} > passed (thresholds held) or finished (none declared).
 */
record Ending(int code, String line, RunEnd end) {

    /** {@code k6}: a k6 script, judged as k6 judges it: a run where nothing succeeded is not a failure by itself. */
    static Ending of(RunResult result, List<Verdict> verdicts, RunControl control, Integer exitCodeOnError, boolean k6) {
        if (control.aborted() != null) {
            return new Ending(ExitCodes.ABORTED, "ABORTED by the script: " + control.aborted() + exit(ExitCodes.ABORTED),
                    new RunEnd(ExitCodes.ABORTED, "aborted", control.aborted()));
        }
        if (control.outOfMemory() != null) {
            String why = "out of memory: " + control.outOfMemory() + "; give the JVM more heap (SALVO_OPTS=-Xmx...) or run fewer VUs";
            return new Ending(ExitCodes.OUT_OF_MEMORY, "FAILED: stopped, " + why + exit(ExitCodes.OUT_OF_MEMORY),
                    new RunEnd(ExitCodes.OUT_OF_MEMORY, "out-of-memory", why, "FAILED"));
        }
        String ended = control.capped() ? "max-duration" : control.stoppedBy() != null ? "stopped" : "completed";
        String reason = control.capped() ? "stopped at the --max-duration cap" : control.stoppedBy();
        Outcomes o = Outcomes.of(result);
        String nothing = k6 ? null : o.nothingSucceeded();
        if (nothing != null) {
            return new Ending(ExitCodes.ALL_FAILED, "FAILED: " + nothing + exit(ExitCodes.ALL_FAILED),
                    new RunEnd(ExitCodes.ALL_FAILED, result.interrupted() && !control.endedOnPurpose() ? "interrupted" : ended, nothing, "FAILED"));
        }
        if (control.thresholdAbort() != null) {
            String why = control.thresholdAbort().describe();
            return new Ending(ExitCodes.THRESHOLDS, "FAILED: stopped early by abortOnFail: " + why + exit(ExitCodes.THRESHOLDS),
                    new RunEnd(ExitCodes.THRESHOLDS, "threshold-abort", why));
        }
        if (control.fleetStop() != null) {
            int code = control.fleetStopCode();
            String why = "stopped by the coordinator: " + control.fleetStop();
            return new Ending(code, "FAILED: " + why + exit(code),
                    new RunEnd(code, code == ExitCodes.THRESHOLDS ? "threshold-abort" : "interrupted", why));
        }
        // a signal after the VUs ended (in teardown()) interrupts the run all the same
        if ((result.interrupted() || control.interrupted()) && !control.endedOnPurpose()) {
            return new Ending(ExitCodes.INTERRUPTED, "INTERRUPTED" + exit(ExitCodes.INTERRUPTED),
                    new RunEnd(ExitCodes.INTERRUPTED, "interrupted", "stopped by a signal (Ctrl-C or SIGTERM)"));
        }
        List<Verdict> failed = verdicts.stream().filter(v -> !v.passed()).toList();
        if (!failed.isEmpty()) {
            StringBuilder text = new StringBuilder("FAILED: " + failed.size() + " of " + verdicts.size() + " thresholds breached"
                    + exit(ExitCodes.THRESHOLDS));
            failed.forEach(v -> text.append("\n  ✗ ").append(v.describe()));
            return new Ending(ExitCodes.THRESHOLDS, text.toString(), new RunEnd(ExitCodes.THRESHOLDS, ended, reason));
        }
        if (exitCodeOnError != null && exitCodeOnError != 0 && o.anyFailed()) {
            String what = o.failures() + " (--exit-code-on-error " + exitCodeOnError + ")";
            return new Ending(exitCodeOnError, "FAILED: " + what + exit(exitCodeOnError),
                    new RunEnd(exitCodeOnError, ended, reason == null ? what : reason, "FAILED"));
        }
        if (verdicts.isEmpty()) {
            String note = o.anyFailed() ? " (" + o.failures() + ")" : "";
            return new Ending(ExitCodes.OK, "FINISHED — no thresholds declared" + note, new RunEnd(ExitCodes.OK, ended, reason, "FINISHED"));
        }
        return new Ending(ExitCodes.OK, "PASSED: " + verdicts.size() + " thresholds held", new RunEnd(ExitCodes.OK, ended, reason, "PASSED"));
    }

    private static String exit(int code) {
        return " (exit " + code + ")";
    }

    /**
     * A later finding that makes a passing run fail ({@code code} only replaces 0): a regression
     * against the baseline, a result file that could not be written, a failed teardown().
     */
    Ending orElse(int other, String why, String ended) {
        if (code != ExitCodes.OK || other == ExitCodes.OK) return this;
        return failed(other, why, ended != null ? ended : end.ended());
    }

    static Ending failed(int code, String why, String ended) {
        return new Ending(code, "FAILED: " + why + exit(code), new RunEnd(code, ended, why, "FAILED"));
    }

    /** What the requests and iterations of a run came to. */
    private record Outcomes(long requests, long failedRequests, long iterations, long iterationErrors) {
        static Outcomes of(RunResult r) {
            long requests = 0;
            long failedRequests = 0;
            long iterations = 0;
            for (Aggregate a : r.aggregates()) {
                switch (a.metric().name()) {
                    case "http_reqs" -> requests += (long) a.sum();
                    case "http_req_failed" -> failedRequests += Math.round(a.rate() * a.count());
                    case "iterations" -> iterations += (long) a.sum();
                    default -> { }
                }
            }
            long errors = r.iterationErrors().values().stream().mapToLong(Long::longValue).sum();
            return new Outcomes(requests, failedRequests, iterations, errors);
        }

        /** Why nothing succeeded, or null: every request failed, or every completed iteration threw. */
        String nothingSucceeded() {
            if (requests > 0 && failedRequests >= requests) return "every request failed (" + failedRequests + " of " + requests + ")";
            if (iterations > 0 && iterationErrors >= iterations) {
                return "every iteration threw (" + iterationErrors + " of " + iterations + "; see the iteration errors above)";
            }
            return null;
        }

        boolean anyFailed() {
            return failedRequests > 0 || iterationErrors > 0;
        }

        String failures() {
            String requestPart = failedRequests + " of " + requests + " requests failed";
            String iterationPart = iterationErrors + " of " + iterations + " iterations threw";
            if (failedRequests > 0 && iterationErrors > 0) return requestPart + ", " + iterationPart;
            return failedRequests > 0 ? requestPart : iterationPart;
        }
    }
}
