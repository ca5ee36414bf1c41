package dev.salvo.engine.live.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.live.LiveControl;
import dev.salvo.engine.live.PrometheusText;
import dev.salvo.engine.metrics.Aggregate;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Routes one request: the page and its assets, the JSON API, the downloads, {@code /metrics}. Answers on
 * a virtual thread (the run's calls may take a few milliseconds); every error is JSON, never a stack trace.
 */
final class WebHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final String PAGE = "/dev/salvo/engine/live/web/";
    /** The page's files: path to resource and content type. */
    private static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {PAGE + "index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {PAGE + "app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {PAGE + "app.css", "text/css; charset=utf-8"},
            "/chart.js", new String[] {CHART_JS, "text/javascript; charset=utf-8"});

    private final byte[] auth;
    private final Supplier<List<Aggregate>> metrics;
    private final LiveControl control;

    WebHandler(String auth, Supplier<List<Aggregate>> metrics, LiveControl control) {
        this.auth = auth == null ? null : ("Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        this.metrics = metrics;
        this.control = control;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpMethod method = request.method();
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        List<String> since = uri.parameters().getOrDefault("since", List.of());
        String given = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        String body = request.content().toString(StandardCharsets.UTF_8);
        Thread.ofVirtual().name("salvo-web").start(() -> {
            FullHttpResponse response;
            if (auth != null && (given == null || !MessageDigest.isEqual(auth, given.getBytes(StandardCharsets.UTF_8)))) {
                response = json(HttpResponseStatus.UNAUTHORIZED, error("authentication required (--web-auth)"));
                response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"salvo\", charset=\"UTF-8\"");
            } else {
                response = answer(method, path, body, since.isEmpty() ? "0" : since.get(0));
            }
            HttpUtil.setContentLength(response, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            if (keepAlive) {
                HttpUtil.setKeepAlive(response, true);
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    private FullHttpResponse answer(HttpMethod method, String path, String body, String since) {
        try {
            if (path.equals("/metrics")) {
                if (!method.equals(HttpMethod.GET)) return notAllowed("GET");
                return reply(HttpResponseStatus.OK, PrometheusText.CONTENT_TYPE, PrometheusText.render(metrics.get()).getBytes(StandardCharsets.UTF_8));
            }
            if (control == null) return json(HttpResponseStatus.NOT_FOUND, error("only /metrics is served here (--metrics-port)"));
            if (path.startsWith("/api/")) return api(method, path.substring("/api/".length()), body, since);
            if (path.startsWith("/download/")) {
                if (!method.equals(HttpMethod.GET)) return notAllowed("GET");
                LiveControl.Download d = control.download(path.substring("/download/".length()));
                if (d == null) return json(HttpResponseStatus.NOT_FOUND, error("no such file: " + path));
                FullHttpResponse r = reply(HttpResponseStatus.OK, d.contentType(), d.body());
                r.headers().set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + path.substring("/download/".length()) + "\"");
                return r;
            }
            String[] asset = ASSETS.get(path.equals("/index.html") ? "/" : path);
            if (asset == null) return json(HttpResponseStatus.NOT_FOUND, error("no such page: " + path));
            if (!method.equals(HttpMethod.GET)) return notAllowed("GET");
            return reply(HttpResponseStatus.OK, asset[1], resource(asset[0]));
        } catch (LiveControl.BadRequest e) {
            return json(HttpResponseStatus.valueOf(e.status()), error(e.getMessage()));
        } catch (RuntimeException | IOException e) {
            return json(HttpResponseStatus.INTERNAL_SERVER_ERROR, error("internal error: " + e));
        }
    }

    private FullHttpResponse api(HttpMethod method, String name, String body, String since) {
        boolean get = method.equals(HttpMethod.GET);
        boolean post = method.equals(HttpMethod.POST);
        return switch (name) {
            case "state" -> get ? ok(control.state()) : notAllowed("GET");
            case "stats" -> get ? ok(control.stats(millis(since))) : notAllowed("GET");
            case "start" -> post ? ok(control.start(parse(body))) : notAllowed("POST");
            case "stop" -> post ? ok(control.stop()) : notAllowed("POST");
            case "load" -> post ? ok(control.load(parse(body))) : notAllowed("POST");
            case "quit" -> post ? ok(control.quit()) : notAllowed("POST");
            default -> json(HttpResponseStatus.NOT_FOUND, error("no such endpoint: /api/" + name
                    + " (there are /api/state, /api/stats, /api/start, /api/stop, /api/load, /api/quit)"));
        };
    }

    private static long millis(String since) {
        try {
            return Long.parseLong(since);
        } catch (NumberFormatException e) {
            throw new LiveControl.BadRequest("since: must be epoch milliseconds (a chart point's t), not '" + since + "'");
        }
    }

    /** The request body as JSON: empty is {}, anything but an object is a 400. */
    private static JsonNode parse(String body) {
        if (body.isBlank()) return JSON.createObjectNode();
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LiveControl.BadRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || node instanceof NullNode || !node.isObject()) throw new LiveControl.BadRequest("the body must be a JSON object, not " + body.strip());
        return node;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebHandler.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static FullHttpResponse ok(ObjectNode node) {
        return json(HttpResponseStatus.OK, node);
    }

    private static FullHttpResponse notAllowed(String allowed) {
        FullHttpResponse r = json(HttpResponseStatus.METHOD_NOT_ALLOWED, error("use " + allowed));
        r.headers().set(HttpHeaderNames.ALLOW, allowed);
        return r;
    }

    private static FullHttpResponse json(HttpResponseStatus status, ObjectNode node) {
        try {
            return reply(status, "application/json", JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FullHttpResponse reply(HttpResponseStatus status, String type, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        return r;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a client gone mid-request; nothing to answer
    }
}
