package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.fleet.FleetClient;
import dev.salvo.engine.fleet.FleetWire;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.report.ReportPaths;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * {@code salvo run --segment I/N --coordinator URL}: this shard's side of the fleet. It joins
 * (a coordinator that cannot be reached leaves the shard to run alone, with a warning), waits to
 * be released, streams each sampler period, hears a stop, and hands over its result files.
 */
final class FleetShard implements IntervalListener, AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final FleetClient client;
    private long seq;

    private FleetShard(FleetClient client) {
        this.client = client;
    }

    /**
     * Joins the coordinator; null when it cannot be reached (the warning is printed).
     *
     * @throws FleetClient.RefusedException the coordinator refused this shard, or runs another script
     */
    static FleetShard join(Distributed d, JsonNode describe, PrintStream err) throws FleetClient.RefusedException, InterruptedException {
        String sha = describe.path("scriptSha256").asText();
        ObjectNode hello = FleetWire.message("hello").put("segment", d.segment().toString()).put("index", d.segment().index())
                .put("count", d.segment().count()).put("scriptSha256", sha).put("name", name());
        if (d.token() != null) hello.put("token", d.token());
        hello.set("plan", describe.path("plan"));
        FleetClient c;
        try {
            c = FleetClient.connect(d.coordinator(), hello, CONNECT_TIMEOUT);
        } catch (IOException e) {
            err.println("salvo: warning: coordinator " + d.coordinator() + " cannot be reached (" + e.getMessage()
                    + "); segment " + d.segment() + " runs on alone: merge its results later with 'salvo merge'");
            return null;
        }
        String theirs = c.welcome().path("scriptSha256").asText();
        if (!theirs.equals(sha)) {
            c.close();
            throw new FleetClient.RefusedException("the coordinator runs another script (sha256 " + theirs + ", this one's is " + sha + ")");
        }
        err.println("salvo: segment " + d.segment() + " joined the coordinator " + d.coordinator() + "; waiting for the fleet to start");
        return new FleetShard(c);
    }

    private static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }

    /** Blocks until released; returns why not when the fleet was stopped first (a lost connection starts at once). */
    String awaitStart(PrintStream err, BooleanSupplier interrupted) throws InterruptedException {
        String why = client.awaitStart(interrupted);
        if (interrupted.getAsBoolean()) return "interrupted (Ctrl-C or SIGTERM)";
        if (why != null && client.stopped() == null) {
            err.println("salvo: warning: " + why + "; running on alone");
            return null;
        }
        return why;
    }

    void onStop(RunControl control) {
        client.onStop((reason, code) -> {
            // a stop on purpose (the coordinator's web UI) ends the segment "stopped", judged as a finished one
            if (code == FleetWire.STOP_ON_REQUEST) control.stopOnRequest("stopped by the coordinator: " + reason);
            else control.fleetStop(reason, code);
        });
    }

    @Override
    public void onInterval(Interval interval) {
        client.send(FleetWire.interval(seq++, interval));
    }

    /** Hands summary.json and latency.hlog (as written) to the coordinator. */
    void deliver(ReportPaths paths, int exitCode, PrintStream err) throws InterruptedException {
        if (client.lost()) {
            err.println("salvo: warning: the connection to the coordinator was lost; this segment's results are only in its own folder");
            return;
        }
        ObjectNode result = FleetWire.message("result").put("exit", exitCode);
        try {
            result.put("summary", Files.readString(paths.json(), StandardCharsets.UTF_8));
            result.put("hlog", Files.exists(paths.hlog()) ? Files.readString(paths.hlog(), StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            err.println("salvo: warning: cannot hand the results to the coordinator: " + e.getMessage());
            return;
        }
        if (!client.deliver(result, Duration.ofSeconds(30))) {
            err.println("salvo: warning: the coordinator did not confirm this segment's results; they are in its own folder");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
