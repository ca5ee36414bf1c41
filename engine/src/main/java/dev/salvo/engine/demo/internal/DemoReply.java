package dev.salvo.engine.demo.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the demo target answers: status, content type, body, extra headers (a name may repeat), and an extra delay. */
record DemoReply(int status, String contentType, byte[] body, Map<String, List<String>> headers, long delayMs) {

    static DemoReply json(int status, String json) {
        return new DemoReply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
    }

    static DemoReply text(int status, String text) {
        return new DemoReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
    }

    static DemoReply error(int status, String message) {
        return json(status, "{\"error\":\"" + message + "\"}");
    }

    DemoReply delayed(long ms) {
        return new DemoReply(status, contentType, body, headers, ms);
    }
}
