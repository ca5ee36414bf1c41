package dev.salvo.engine.demo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.http.Compression;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;


/**
 * The demo's body endpoints: {@code POST /upload} describes what it received (size and SHA-256 of
 * the body, and of each multipart or form part), {@code GET /compressed/{coding}} answers with a body
 * encoded in gzip, deflate, br or zstd.
 */
final class BodyRoutes {
    static final String COMPRESSED_JSON = "{\"compressed\":true,\"message\":\"this body was encoded by the demo target\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();

    /** The reply for a body path, or null when {@code path} is not one. */
    DemoReply route(FullHttpRequest request, QueryStringDecoder uri) throws JsonProcessingException {
        String path = uri.path();
        if (path.equals("/upload") && (request.method().equals(HttpMethod.POST) || request.method().equals(HttpMethod.PUT))) {
            return upload(request);
        }
        if (path.startsWith("/compressed/") && request.method().equals(HttpMethod.GET)) {
            String coding = path.substring("/compressed/".length());
            try {
                byte[] body = encoded.computeIfAbsent(coding,
                        c -> Compression.encode(c, COMPRESSED_JSON.getBytes(StandardCharsets.UTF_8)));
                return new DemoReply(200, "application/json", body, Map.of("content-encoding", List.of(coding)), 0);
            } catch (IllegalArgumentException e) {
                return DemoReply.error(404, "no such coding: try gzip, deflate, br or zstd");
            }
        }
        return null;
    }

    private static DemoReply upload(FullHttpRequest request) throws JsonProcessingException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contentType", request.headers().get(HttpHeaderNames.CONTENT_TYPE, ""));
        out.put("size", request.content().readableBytes());
        out.put("sha256", sha256(request.content()));
        List<Map<String, Object>> parts = new ArrayList<>();
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
            HttpPostRequestDecoder decoder = null;
            try {
                decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
                for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                    parts.add(part(data));
                }
            } catch (DecoderException | IllegalArgumentException | IOException e) {
                // An unknown charset, a body cut short: a client's mistake, answered as such.
                return DemoReply.error(400, "malformed form body");
            } finally {
                if (decoder != null) {
                    decoder.destroy();
                }
            }
        }
        out.put("parts", parts);
        return DemoReply.json(200, JSON.writeValueAsString(out));
    }

    private static Map<String, Object> part(InterfaceHttpData data) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", data.getName());
        ByteBuf content;
        if (data instanceof FileUpload file) {
            p.put("filename", file.getFilename());
            p.put("contentType", file.getContentType());
            content = file.getByteBuf();
        } else {
            Attribute attribute = (Attribute) data;
            p.put("value", attribute.getValue());
            content = attribute.getByteBuf();
        }
        p.put("size", content.readableBytes());
        p.put("sha256", sha256(content));
        return p;
    }

    private static String sha256(ByteBuf buf) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(buf.nioBuffer());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
