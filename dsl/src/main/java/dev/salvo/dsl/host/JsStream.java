package dev.salvo.dsl.host;

import dev.salvo.engine.llm.LlmResult;
import dev.salvo.engine.sse.SseEvent;
import dev.salvo.engine.sse.SseListener;
import dev.salvo.engine.sse.SseResponse;
import dev.salvo.engine.sse.SseStream;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * One stream as salvo/sse's {@code Stream} sees it: its methods delegate to the engine's stream, and
 * the engine's events are handed to the module's handlers as the stream's VU.
 */
public final class JsStream implements SseListener {
    private final VuState vu;
    private final Value open;
    private final Value event;
    private final Value error;
    private final Value end;
    SseStream stream;

    JsStream(VuState vu, Value events) {
        this.vu = vu;
        this.open = events.getMember("open");
        this.event = events.getMember("event");
        this.error = events.getMember("error");
        this.end = events.getMember("end");
    }

    @Override
    public void onOpen(SseResponse response) {
        vu.resume(open, new Response(response));
    }

    @Override
    public void onEvent(SseEvent e) {
        vu.resume(event, new Event(e));
    }

    @Override
    public void onError(int code, String message) {
        vu.resume(error, new JsSocket.Event(code, message));
    }

    @Override
    public void onEnd(SseResponse last) {
        vu.resume(end, new Response(last));
    }

    @HostAccess.Export
    public void close() {
        stream.close();
    }

    /** A handler of this stream threw: counted, and the stream closes. */
    @HostAccess.Export
    public void fail() {
        stream.fail();
    }

    @HostAccess.Export
    public String lastEventId() {
        return stream.lastEventId();
    }

    /** One event, by name, for the module's event object. */
    public record Event(SseEvent e) {
        @HostAccess.Export
        public String type() {
            return e.type();
        }

        @HostAccess.Export
        public String data() {
            return e.data();
        }

        @HostAccess.Export
        public String id() {
            return e.id();
        }

        @HostAccess.Export
        public double retry() {
            return e.retry();
        }
    }

    /** A connection's response, or the stream's end, by name, for the module's response object. */
    public record Response(SseResponse r) {
        @HostAccess.Export
        public int status() {
            return r.status();
        }

        @HostAccess.Export
        public String url() {
            return r.url();
        }

        @HostAccess.Export
        public String headersJson() {
            return JsResponse.headersJson(r.headers());
        }

        @HostAccess.Export
        public String error() {
            return r.error();
        }

        @HostAccess.Export
        public int errorCode() {
            return r.errorCode();
        }

        @HostAccess.Export
        public double events() {
            return r.events();
        }

        @HostAccess.Export
        public int reconnects() {
            return r.reconnects();
        }

        @HostAccess.Export
        public String lastEventId() {
            return r.lastEventId();
        }

        @HostAccess.Export
        public String body() {
            return r.body();
        }

        @HostAccess.Export
        public double connecting() {
            return r.connectingMs();
        }

        @HostAccess.Export
        public double duration() {
            return r.durationMs();
        }
    }

    /** What {@code llm.chat} resolves with, by name. */
    public record Chat(LlmResult r) {
        @HostAccess.Export
        public int status() {
            return r.status();
        }

        @HostAccess.Export
        public String text() {
            return r.text();
        }

        @HostAccess.Export
        public double outputTokens() {
            return r.outputTokens();
        }

        @HostAccess.Export
        public double inputTokens() {
            return r.inputTokens();
        }

        @HostAccess.Export
        public double chunks() {
            return r.chunks();
        }

        @HostAccess.Export
        public String finishReason() {
            return r.finishReason();
        }

        @HostAccess.Export
        public double ttft() {
            return r.ttftMs();
        }

        @HostAccess.Export
        public double duration() {
            return r.durationMs();
        }

        @HostAccess.Export
        public double tpot() {
            return r.tpotMs();
        }

        @HostAccess.Export
        public String error() {
            return r.error();
        }

        @HostAccess.Export
        public int errorCode() {
            return r.errorCode();
        }

        @HostAccess.Export
        public String body() {
            return r.body();
        }
    }
}
