package dev.salvo.dsl.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.Timings;
import org.graalvm.polyglot.HostAccess;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The view of an {@link HttpResponse} that salvo/http's {@code Response} reads, lazily where it costs. */
public final class JsResponse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpResponse response;
    private final boolean keepBody;
    private String body;

    public JsResponse(HttpResponse response, boolean keepBody) {
        this.response = response;
        this.keepBody = keepBody;
    }

    @HostAccess.Export
    public int status() {
        return response.status();
    }

    @HostAccess.Export
    public String url() {
        return response.url();
    }

    @HostAccess.Export
    public String proto() {
        return response.proto();
    }

    @HostAccess.Export
    public String tlsVersion() {
        return response.tlsVersion();
    }

    @HostAccess.Export
    public String error() {
        return response.error();
    }

    @HostAccess.Export
    public int errorCode() {
        return response.errorCode();
    }

    @HostAccess.Export
    public String body() {
        if (!keepBody) return null;
        if (body == null) body = new String(response.body(), StandardCharsets.UTF_8);
        return body;
    }

    /** The body's bytes for {@code responseType: 'binary'}, wrapped (not copied) in an ArrayBuffer by the module. */
    @HostAccess.Export
    public ByteBuffer bodyBuffer() {
        return keepBody ? ByteBuffer.wrap(response.body()) : null;
    }

    /** Header names in lower case; repeated headers joined with ", " as k6 shows them. */
    @HostAccess.Export
    public String headersJson() {
        return headersJson(response.headers());
    }

    static String headersJson(Map<String, List<String>> headers) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            flat.put(e.getKey(), String.join(", ", e.getValue()));
        }
        try {
            return JSON.writeValueAsString(flat);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    @HostAccess.Export
    public JsTimings timings() {
        return new JsTimings(response.timings());
    }

    /** k6's {@code res.timings}, in ms, by name. */
    public record JsTimings(Timings t) {
        @HostAccess.Export
        public double blocked() {
            return t.blocked();
        }

        @HostAccess.Export
        public double connecting() {
            return t.connecting();
        }

        @HostAccess.Export
        public double tlsHandshaking() {
            return t.tlsHandshaking();
        }

        @HostAccess.Export
        public double sending() {
            return t.sending();
        }

        @HostAccess.Export
        public double waiting() {
            return t.waiting();
        }

        @HostAccess.Export
        public double receiving() {
            return t.receiving();
        }

        @HostAccess.Export
        public double duration() {
            return t.duration();
        }
    }
}
