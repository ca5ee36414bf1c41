package dev.salvo.engine.run;

import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.HttpSession;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.sse.SseClient;
import dev.salvo.engine.ws.WsClient;
import io.netty.channel.EventLoop;
import dev.salvo.engine.exec.VirtualUser;


/** What the engine gives each VU's script: its HTTP session, WebSocket and SSE clients, the metrics, its base tags. */
public record VuServices(HttpSession http, WsClient ws, SseClient sse, Metrics metrics, Tags tags) {

    /** Services for a VU on {@code loop}: an HTTP session whose exchanges are recorded with {@code tags}. */
    public static VuServices create(EventLoop loop, HttpConfig http, Metrics metrics, Tags tags) {
        return new VuServices(new HttpSession(loop, http, new HttpRecorder(metrics, tags)), new WsClient(loop, metrics, tags),
                new SseClient(loop, metrics, tags, http.userAgent(), null), metrics, tags);
    }

    /**
     * Services for {@code vu}; under an open model ({@code corrected}) its HTTP latencies and its streams'
     * times from their start are measured from the iteration's intended start too (see docs/load-models.md).
     */
    public static VuServices create(EventLoop loop, HttpConfig http, Metrics metrics, Tags tags,
                                    VirtualUser vu, boolean corrected) {
        HttpRecorder recorder = corrected ? new HttpRecorder(metrics, tags, vu) : new HttpRecorder(metrics, tags);
        SseClient sse = new SseClient(loop, metrics, tags, http.userAgent(), corrected ? vu::scheduleLagNanos : null);
        return new VuServices(new HttpSession(loop, http, recorder), new WsClient(loop, metrics, tags), sse, metrics, tags);
    }
}
