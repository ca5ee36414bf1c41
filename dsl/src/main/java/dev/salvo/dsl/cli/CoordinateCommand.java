package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.Distributed;
import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.engine.fleet.Coordinator;
import dev.salvo.engine.fleet.FleetLive;
import dev.salvo.engine.merge.Shard;
import dev.salvo.engine.merge.ShardInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code salvo coordinate SCRIPT --shards N --out DIR}: the live centre of a distributed run. The
 * shards ({@code salvo run --segment I/N --coordinator URL}) start together, their intervals are
 * summed as they come, abortOnFail thresholds stop the whole fleet, and the end writes what
 * {@code salvo merge} of the shards' folders would.
 */
@Command(name = "coordinate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Coordinate the shards of a distributed run: start them together, sum their results live, judge the thresholds on the whole.")
public final class CoordinateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The script the shards run (they must run the same file: its SHA-256 is checked).")
    Path script;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "How many segments (--segment I/N) make the fleet.")
    int shards;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Where to listen (default 127.0.0.1; anything else needs --token).")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "7000", description = "The port (default 7000; 0 picks a free one).")
    int port;

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:SALVO_TOKEN}",
            description = "A shared secret every shard must send (default: $SALVO_TOKEN); required beyond loopback.")
    String token;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the merged results (and each shard's files under DIR/shards/).")
    Path out;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Release the shards at this RFC 3339 time, whoever has connected, instead of when all N have.")
    String startAt;

    @Option(names = "--allow-partial", description = "A lost shard does not fail the run (exit 98): the rest is judged as 'salvo merge --allow-partial' would.")
    boolean allowPartial;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line, not the per-second lines and the summary.")
    boolean quiet;

    @Mixin
    LiveViewOptions live = new LiveViewOptions();

    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(script)) problems.add("script not found: " + script);
        if (shards < 1) problems.add("--shards must be at least 1, not " + shards);
        if (port < 0 || port > 65535) problems.add("--port must be from 0 to 65535, not " + port);
        if (token != null && token.isEmpty()) token = null;
        try {
            if (token == null && !InetAddress.getByName(host).isLoopbackAddress()) {
                problems.add("--host " + host + " listens beyond this machine: give a shared --token (or SALVO_TOKEN) that the shards send too");
            }
        } catch (UnknownHostException e) {
            problems.add("--host " + host + ": unknown host");
        }
        problems.addAll(live.problems());
        Instant at = null;
        try {
            at = Distributed.of(null, null, startAt).startAt();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("salvo coordinate: " + p));
            return ExitCodes.USAGE;
        }
        String sha = ShardInfo.sha256(Files.readAllBytes(script));
        Coordinator c;
        try {
            c = Coordinator.start(new Coordinator.Options(host, port, shards, token, at, sha, quiet, err));
        } catch (IOException e) {
            err.println("salvo coordinate: --port " + port + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (c; FleetLive view = live.any() ? new FleetLive(c, shards, script.toString(), out) : null) {
            if (view != null) {
                try {
                    view.open(live.settings(), err);
                } catch (IllegalArgumentException e) {
                    err.println("salvo coordinate: " + e.getMessage());
                    return ExitCodes.USAGE;
                }
            }
            err.println("salvo coordinate: listening on " + c.url() + " for " + shards + " shards of " + script
                    + (at == null ? "; they start when all have connected" : "; they start at " + at));
            Signals.onInterrupt(() -> {
                c.interrupt();
                if (view != null) view.interrupt();
            });
            Concluded end = conclude(c.await());
            if (view != null && end.written() != null) {
                MergeCommand.Written w = end.written();
                view.finished(new FleetLive.Result(w.summary(), w.end(), w.warnings()));
                view.awaitQuit(err);
            }
            return end.code();
        }
    }

    /** The exit code, and the merged files' content (null when no shard delivered a result). */
    private record Concluded(int code, MergeCommand.Written written) {}

    private Concluded conclude(Coordinator.Outcome outcome) throws IOException {
        List<Shard> read = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (Coordinator.ShardOutcome s : outcome.shards()) {
            if (s.result() == null) {
                lost.add("lost segment " + s.segment() + " (" + s.name() + "): " + s.lost());
                continue;
            }
            Path dir = out.resolve("shards").resolve(Integer.toString(s.index()));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.json"), s.result().path("summary").asText(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("latency.hlog"), s.result().path("hlog").asText(), StandardCharsets.UTF_8);
            try {
                read.add(Shard.read(dir));
            } catch (Shard.ShardException e) {
                lost.add("unreadable result of segment " + s.segment() + " (" + s.name() + "): " + e.getMessage());
            }
        }
        writeHistory(outcome);
        if (read.isEmpty()) {
            err.println("salvo coordinate: no shard delivered a result" + (outcome.interrupted() ? " (interrupted)" : ""));
            lost.forEach(l -> err.println("salvo coordinate: " + l));
            return new Concluded(outcome.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.PARTIAL, null);
        }
        MergeCommand.Written w = MergeCommand.write(read, lost, outcome.stoppedBy(), out, quiet, "salvo coordinate", stdout, err);
        if (outcome.thresholdAbort() != null) {
            stdout.println("FAILED: stopped every shard early by abortOnFail over the fleet: " + outcome.thresholdAbort()
                    + " (exit " + ExitCodes.THRESHOLDS + ")");
            return new Concluded(ExitCodes.THRESHOLDS, w);
        }
        if (outcome.interrupted()) {
            stdout.println("INTERRUPTED (exit " + ExitCodes.INTERRUPTED + ")");
            return new Concluded(ExitCodes.INTERRUPTED, w);
        }
        if (!w.missing().isEmpty() && !allowPartial) {
            stdout.println("FAILED: partial: missing segments " + String.join(", ", w.missing()) + " (exit " + ExitCodes.PARTIAL
                    + "; --allow-partial judges the rest by the thresholds alone)");
            return new Concluded(ExitCodes.PARTIAL, w);
        }
        if (outcome.stoppedBy() != null) stdout.println("(the fleet was " + outcome.stoppedBy() + "; the verdict is its thresholds')");
        return new Concluded(w.code(), w);
    }

    /** {@code fleet_history.csv}: each second's requests, the fleet's and each segment's, as the coordinator summed them. */
    private void writeHistory(Coordinator.Outcome outcome) throws IOException {
        StringBuilder csv = new StringBuilder("Second,Requests");
        for (int i = 0; i < shards; i++) csv.append(",Segment ").append(i).append('/').append(shards);
        csv.append('\n');
        for (Map.Entry<Long, long[]> row : outcome.history().entrySet()) {
            long sum = 0;
            for (long n : row.getValue()) sum += n;
            csv.append(row.getKey() + 1).append(',').append(sum);
            for (long n : row.getValue()) csv.append(',').append(n);
            csv.append('\n');
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("fleet_history.csv"), csv, StandardCharsets.UTF_8);
    }
}
