package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import sun.misc.Signal;

/** Ctrl-C and SIGTERM stop the run gracefully (results are still written); a second Ctrl-C exits at once. */
final class Signals {
    private Signals() {}

    static void onInterrupt(Runnable stop) {
        boolean[] seen = new boolean[1];
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (seen[0]) Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                    seen[0] = true;
                    System.err.println("\nsalvo: stopping (SIG" + s.getName() + "); Ctrl-C again to quit at once");
                    stop.run();
                });
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform
            }
        }
    }
}
