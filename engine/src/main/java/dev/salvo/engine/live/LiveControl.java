package dev.salvo.engine.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the web UI's JSON API asks of a run ({@link WebServer} serves it; the run composer implements it).
 * Methods are called on a virtual thread per request; a {@link BadRequest} becomes a 400 with its message.
 */
public interface LiveControl {
    /** {@code GET /api/state}: the phase, the plan, the scenarios' live loads. */
    ObjectNode state();

    /** {@code GET /api/stats[?since=EPOCH_MS]}: the numbers the page shows, the run so far; the chart points after {@code since}. */
    ObjectNode stats(long since);

    /** {@code POST /api/start} with {@code {"vus"|"rate", "spawnRate", "duration"}} (all optional). */
    ObjectNode start(JsonNode body);

    /** {@code POST /api/stop}: ends the run; its results are written. */
    ObjectNode stop();

    /** {@code POST /api/load} with {@code {"vus"|"rate", "scenario"?, "ramp"?}}: a new stage from now on. */
    ObjectNode load(JsonNode body);

    /** {@code POST /api/quit}: the run stops if it still goes on, and salvo exits. */
    ObjectNode quit();

    /** {@code GET /download/NAME}: a result file of the run so far (stats.csv, summary.json, report.html, ...), or null for an unknown name. */
    Download download(String name);

    /** A file to download. */
    record Download(String contentType, byte[] body) {}

    /** A request the API refuses: 400 with {@code {"error": message}} (or another status, such as 409 for a wrong phase). */
    final class BadRequest extends RuntimeException {
        private final int status;

        public BadRequest(String message) {
            this(400, message);
        }

        public BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
