package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.Compression;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.HttpRequest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;


/** Turns a {@link HttpRequest} into the Netty request written on the wire. */
final class RequestFactory {
    private RequestFactory() {
    }

    /** Throws IllegalArgumentException for an invalid method or header; the caller makes it an error value. */
    static FullHttpRequest build(HttpRequest request, Target target, HttpConfig config) {
        HttpMethod method = HttpMethod.valueOf(request.method().toUpperCase(Locale.ROOT));
        byte[] body = request.body();
        DefaultFullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target.pathAndQuery(),
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        HttpHeaders headers = out.headers();
        for (Header h : request.headers()) {
            headers.add(h.name(), h.value());
        }
        if (!headers.contains(HttpHeaderNames.HOST)) {
            headers.set(HttpHeaderNames.HOST, target.hostHeader());
        }
        if (!headers.contains(HttpHeaderNames.USER_AGENT)) {
            headers.set(HttpHeaderNames.USER_AGENT, config.userAgent());
        }
        if (!headers.contains(HttpHeaderNames.ACCEPT_ENCODING)) {
            headers.set(HttpHeaderNames.ACCEPT_ENCODING, Compression.acceptEncoding());
        }
        // The body is sent whole, so its length is known; a caller's own value could only be wrong.
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (body != null || expectsBody(method)) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
        } else {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        return out;
    }

    private static boolean expectsBody(HttpMethod method) {
        return method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT) || method.equals(HttpMethod.PATCH);
    }
}
