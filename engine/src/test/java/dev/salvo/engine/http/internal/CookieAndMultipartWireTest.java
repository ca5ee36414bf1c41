package dev.salvo.engine.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.salvo.engine.http.CookieJar;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.Multipart;
import dev.salvo.engine.http.RequestCookie;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cookie jar and the multipart encoder through real codecs on {@link EmbeddedChannel}s: a
 * server's Set-Cookie headers are decoded by the client codec into the jar, and the next request
 * (Cookie header, multipart body) is encoded by the client codec and decoded by a server codec.
 */
class CookieAndMultipartWireTest {
    private static final HttpConfig CONFIG = HttpConfig.defaults("salvo-test");

    @Test
    void setCookieFromTheWireGoesBackOnTheMatchingRequestOnly() {
        CookieJar jar = new CookieJar();
        URI login = URI.create("http://api.test/account/login");
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().add(HttpHeaderNames.SET_COOKIE, List.of(
                "session=abc123; Path=/; HttpOnly",
                "pref=dark; Path=/account",
                "=no-name; Path=/",                       // malformed: ignored
                "gone=1; Max-Age=0"));                    // expires at once
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        FullHttpResponse arrived = receivedByClient(response);
        jar.store(login, arrived.headers().getAll(HttpHeaderNames.SET_COOKIE));
        arrived.release();

        FullHttpRequest account = receivedByServer(CookieHeader.apply(HttpRequest.of("GET", URI.create("http://api.test/account/me")), jar));
        assertEquals("pref=dark; session=abc123", account.headers().get(HttpHeaderNames.COOKIE), "the longest path first");
        account.release();

        HttpRequest other = new HttpRequest("GET", URI.create("http://api.test/items"), List.of(new Header("Cookie", "own=1")),
                null, HttpRequest.DEFAULT_TIMEOUT, 0, false, Map.of(), List.of(new RequestCookie("session", "override", true)));
        FullHttpRequest items = receivedByServer(CookieHeader.apply(other, jar));
        assertEquals("own=1; session=override", items.headers().get(HttpHeaderNames.COOKIE),
                "the script's header first, the replaced jar cookie hidden, pref is for /account only");
        items.release();

        assertEquals(List.of(), jar.cookiesFor(URI.create("http://other.test/")), "host-only cookies stay on their host");
    }

    @Test
    void aMultipartBodyArrivesWholeThroughTheCodecs() throws Exception {
        byte[] image = new byte[70_000]; // more than one chunk of the server's decoder
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 7);
        }
        Multipart m = Multipart.of(List.of(
                new Multipart.Part("title", null, null, "a cat".getBytes(StandardCharsets.UTF_8)),
                new Multipart.Part("photo", "cat.png", "image/png", image)));
        HttpRequest upload = new HttpRequest("POST", URI.create("http://api.test/upload"),
                List.of(new Header("Content-Type", m.contentType())), m.body(), HttpRequest.DEFAULT_TIMEOUT, 0, false, Map.of());
        FullHttpRequest received = receivedByServer(upload);
        assertEquals(m.body().length, received.headers().getInt(HttpHeaderNames.CONTENT_LENGTH));
        HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), received);
        try {
            List<InterfaceHttpData> parts = decoder.getBodyHttpDatas();
            assertEquals(2, parts.size());
            assertEquals("a cat", assertInstanceOf(Attribute.class, parts.get(0)).getValue());
            FileUpload photo = assertInstanceOf(FileUpload.class, parts.get(1));
            assertEquals("cat.png", photo.getFilename());
            assertEquals("image/png", photo.getContentType());
            assertArrayEquals(image, photo.get());
        } finally {
            decoder.destroy();
            received.release();
        }
    }

    /** The request as the client pipeline encodes it and a server's codec decodes it. */
    private static FullHttpRequest receivedByServer(HttpRequest request) {
        EmbeddedChannel client = new EmbeddedChannel(new HttpClientCodec());
        client.writeOutbound(RequestFactory.build(request, Target.of(request.url()), CONFIG));
        EmbeddedChannel server = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1 << 20));
        for (ByteBuf bytes; (bytes = client.readOutbound()) != null; ) {
            server.writeInbound(bytes);
        }
        FullHttpRequest decoded = server.readInbound();
        client.finishAndReleaseAll();
        server.finishAndReleaseAll();
        return decoded;
    }

    /** The response as a server's codec encodes it and the client pipeline decodes it. */
    private static FullHttpResponse receivedByClient(FullHttpResponse response) {
        EmbeddedChannel client = new EmbeddedChannel(new HttpClientCodec(), new HttpObjectAggregator(1 << 20));
        // the client codec pairs each response with a request it sent
        client.writeOutbound(RequestFactory.build(HttpRequest.of("POST", URI.create("http://api.test/account/login")),
                Target.of(URI.create("http://api.test/account/login")), CONFIG));
        for (Object sent; (sent = client.readOutbound()) != null; ) {
            ((ByteBuf) sent).release();
        }
        EmbeddedChannel server = new EmbeddedChannel(new HttpServerCodec());
        server.writeInbound(Unpooled.copiedBuffer("POST /account/login HTTP/1.1\r\nHost: api.test\r\nContent-Length: 0\r\n\r\n",
                StandardCharsets.US_ASCII));
        server.writeOutbound(response);
        for (ByteBuf bytes; (bytes = server.readOutbound()) != null; ) {
            client.writeInbound(bytes);
        }
        FullHttpResponse decoded = client.readInbound();
        client.finishAndReleaseAll();
        server.finishAndReleaseAll();
        return decoded;
    }
}
