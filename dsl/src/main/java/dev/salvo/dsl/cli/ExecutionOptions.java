package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.Distributed;
import dev.salvo.dsl.runner.RunSettings;
import dev.salvo.dsl.script.K6Mode;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code salvo run}'s flags for where and how long it runs: the demo target, TLS, segments, workers, the hard cap. */
final class ExecutionOptions {
    @Option(names = "--print-plan", description = "Print every scenario's executor and parameters, and where each value came from; run nothing.")
    boolean printPlan;

    @Option(names = "--demo", description = "Start the embedded demo target for this run; sets env.BASE_URL, env.HTTPS_URL and env.WS_URL.")
    boolean demo;

    @Option(names = "--insecure-skip-tls-verify",
            description = "Accept any TLS certificate (self-signed, expired, another host's), as k6's flag; the same as options.insecureSkipTLSVerify.")
    boolean insecureSkipTlsVerify;

    @Option(names = "--segment", paramLabel = "I/N",
            description = "Run slice I of N (0-based: 0/3, 1/3, 2/3) of every scenario; merge the results with 'salvo merge'.")
    String segment;

    @Option(names = "--segment-sequence", paramLabel = "LIST",
            description = "Unequal slices for --segment, as fractions from 0 to 1: 0,1/4,1/2,1 makes 3 segments (1/4, 1/4, 1/2).")
    String segmentSequence;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Wait until this RFC 3339 time (e.g. 2026-01-31T12:00:00Z) before starting: a barrier for segments.")
    String startAt;

    @Option(names = "--coordinator", paramLabel = "URL",
            description = "With --segment: join this 'salvo coordinate' (ws://HOST:PORT), start with the fleet, stream to it; needs --out.")
    String coordinator;

    @Option(names = "--token", paramLabel = "T", description = "The coordinator's shared token (or SALVO_TOKEN, as every flag).")
    String token;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer workers;

    @Option(names = "--max-duration", paramLabel = "DUR", converter = DurationConverter.class,
            description = "Hard cap on the run's length, whatever the script says: stop then, write every result (for CI jobs).")
    Duration maxDuration;

    @Option(names = "--warmup", paramLabel = "DUR", converter = DurationConverter.class,
            description = "Run the plan for DUR first without measuring (JIT and target caches warm), then the measured run; as options.warmup.")
    Duration warmup;

    @Option(names = "--k6-mode", paramLabel = "MODE",
            description = "How a k6 script runs: 'rewrite' (default: made async at load, salvo's async VUs) or 'sync' (as written, "
                    + "each VU on a virtual thread; docs/k6.md). Native salvo scripts always run async.")
    String k6Mode;

    /** Every problem with these flags; the segment flags are read by {@link #execution}, which names the flag. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (workers != null && workers < 1) problems.add("--workers must be at least 1, not " + workers);
        if (maxDuration != null && maxDuration.isZero()) problems.add("--max-duration must be > 0");
        return problems;
    }

    /** @throws IllegalArgumentException naming the flag, for a bad --segment, --segment-sequence, --start-at, --coordinator or --k6-mode */
    RunSettings.Execution execution() {
        Distributed distributed = Distributed.of(segment, segmentSequence, startAt).withCoordinator(coordinator, token);
        return new RunSettings.Execution(demo, insecureSkipTlsVerify, distributed, workers, null, maxDuration, printPlan, warmup,
                k6Mode == null ? K6Mode.DEFAULT : K6Mode.parse(k6Mode));
    }
}
