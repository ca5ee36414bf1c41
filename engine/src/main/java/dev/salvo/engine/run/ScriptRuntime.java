package dev.salvo.engine.run;

import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.plan.Scenario;

/**
 * The script side of VUs, implemented by the JavaScript binding. Every method is called on the VU's
 * own worker thread ({@link VirtualUser#loop()}).
 */
public interface ScriptRuntime {
    /** Prepares the VU's code (its JavaScript context, module, VU object). */
    void initVu(VirtualUser vu, Scenario scenario, VuServices services) throws ScriptFailure;

    /** Starts one iteration; {@code done} is called exactly once, on the VU's worker thread. */
    void iterate(VirtualUser vu, IterationDone done);

    /**
     * The VU's scenario has ended: runs its per-VU stop hook, if any (Locust's {@code on_stop}), then
     * calls {@code done} on the VU's worker. Not called for VUs that never ran an iteration.
     */
    default void stopVu(VirtualUser vu, Runnable done) {
        done.run();
    }

    /** The runtime running the script, {@code compiled} or {@code interpreted}, for {@code salvo_js_runtime}; null if none. */
    default String runtimeName() {
        return null;
    }

    /**
     * The VU's iteration was interrupted while its code still runs: code that never yields
     * ({@code while (true) {}}) holds the VU's worker, so this is called from another thread and
     * returns once that code has stopped (or could not be stopped within a few seconds).
     */
    default void cancel(VirtualUser vu) {
    }

    /** What the runtime compiled so far; {@link JsCompilations#NONE} for an interpreter. Read from any thread. */
    default JsCompilations compilations() {
        return JsCompilations.NONE;
    }

    /** Releases the VU's code; later completions of its I/O are ignored. */
    void closeVu(VirtualUser vu);

    /** How an iteration ended. */
    @FunctionalInterface
    interface IterationDone {
        /** @param error null when the iteration succeeded, else its message (with the script position) */
        void done(String error);
    }
}
