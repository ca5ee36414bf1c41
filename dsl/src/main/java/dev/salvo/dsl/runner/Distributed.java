package dev.salvo.dsl.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.merge.ShardInfo;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.exec.Segment;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code salvo run --segment I/N --start-at TIME --coordinator URL --token T}: which slice this
 * process runs, when it starts, and which {@code salvo coordinate} it reports to (null: none).
 */
public record Distributed(Segment segment, Instant startAt, URI coordinator, String token) {
    /** The whole run, starting at once. */
    public static final Distributed WHOLE = new Distributed(Segment.WHOLE, null, null, null);

    /** Validates both flags; the exception's message names the flag. */
    public static Distributed of(String segment, String sequence, String startAt) {
        Segment s = Segment.WHOLE;
        if (segment != null) {
            try {
                s = Segment.parse(segment);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--segment " + e.getMessage());
            }
        }
        if (sequence != null) {
            if (segment == null) throw new IllegalArgumentException("--segment-sequence needs --segment I/N (which of its slices to run)");
            Segment unequal;
            try {
                unequal = Segment.ofSequence(0, sequence);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--segment-sequence " + e.getMessage());
            }
            if (unequal.count() != s.count()) {
                throw new IllegalArgumentException("--segment " + s + " does not match --segment-sequence " + sequence + ", which has "
                        + unequal.count() + " segments (use I/" + unequal.count() + ")");
            }
            s = unequal.at(s.index());
        }
        Instant at = null;
        if (startAt != null) {
            try {
                at = OffsetDateTime.parse(startAt.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--start-at must be an RFC 3339 time such as 2026-01-31T12:00:00Z, not '" + startAt + "'");
            }
        }
        return new Distributed(s, at, null, null);
    }

    /** Adds {@code --coordinator URL} (ws:// or http://) and its token; the exception's message names the flag. */
    public Distributed withCoordinator(String url, String token) {
        if (url == null) return this;
        if (segment.whole()) throw new IllegalArgumentException("--coordinator needs --segment I/N (which slice of the fleet this shard runs)");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null || !uri.getScheme().matches("wss?|https?")) {
            throw new IllegalArgumentException("--coordinator must be a URL such as ws://coordinator:7000, not '" + url + "'");
        }
        if (uri.getScheme().equals("wss") || uri.getScheme().equals("https")) {
            throw new IllegalArgumentException("--coordinator: TLS (wss://, https://) is not supported yet; use ws://");
        }
        return new Distributed(segment, startAt, uri, token == null || token.isEmpty() ? null : token);
    }

    /** Sleeps until {@link #startAt}, saying so; a time in the past starts at once with a warning. */
    void awaitStart(PrintStream err) throws InterruptedException {
        if (startAt == null) return;
        Duration wait = Duration.between(Instant.now(), startAt);
        if (wait.isNegative() || wait.isZero()) {
            err.printf("salvo: warning: --start-at %s is %.1f s in the past; starting now%n", startAt, -wait.toMillis() / 1000.0);
            return;
        }
        err.printf("salvo: %swaiting until %s to start (%.1f s)%n", segment.whole() ? "" : "segment " + segment + " ",
                startAt, wait.toMillis() / 1000.0);
        while (Instant.now().isBefore(startAt)) {
            Thread.sleep(Math.max(1, Math.min(1000, Duration.between(Instant.now(), startAt).toMillis())));
        }
    }

    /** summary.json's {@code distributed} field, which {@code salvo merge} checks and combines. */
    JsonNode describe(Path script, Plan whole) throws IOException {
        return ShardInfo.describe(segment, startAt, Files.readAllBytes(script), whole);
    }
}
