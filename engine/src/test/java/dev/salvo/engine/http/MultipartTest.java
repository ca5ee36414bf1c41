package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our encoder read back by Netty's own multipart decoder, the one servers built on Netty use. */
class MultipartTest {
    @Test
    void fieldsAndFilesDecodeBackToWhatWasEncoded() throws Exception {
        byte[] binary = new byte[3000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Multipart m = Multipart.of(List.of(
                new Multipart.Part("title", null, null, "héllo".getBytes(StandardCharsets.UTF_8)),
                new Multipart.Part("photo", "cat \"1\".bin", "image/png", binary),
                new Multipart.Part("notes", "notes.txt", null, "line1\r\n--line2".getBytes(StandardCharsets.UTF_8))));
        assertTrue(m.contentType().startsWith("multipart/form-data; boundary=salvo"));

        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/upload",
                Unpooled.wrappedBuffer(m.body()));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, m.contentType());
        HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request,
                StandardCharsets.UTF_8);
        try {
            List<InterfaceHttpData> parts = decoder.getBodyHttpDatas();
            assertEquals(3, parts.size());
            Attribute title = assertInstanceOf(Attribute.class, parts.get(0));
            assertEquals("title", title.getName());
            assertEquals("héllo", title.getValue());
            FileUpload photo = assertInstanceOf(FileUpload.class, parts.get(1));
            assertEquals("cat %221%22.bin", photo.getFilename());
            assertEquals("image/png", photo.getContentType());
            assertArrayEquals(binary, photo.get());
            FileUpload notes = assertInstanceOf(FileUpload.class, parts.get(2));
            assertEquals("application/octet-stream", notes.getContentType());
            assertEquals("line1\r\n--line2", new String(notes.get(), StandardCharsets.UTF_8));
        } finally {
            decoder.destroy();
            request.release();
        }
    }

    @Test
    void noPartsIsAClosingBoundaryOnly() {
        assertEquals("--b--\r\n", new String(Multipart.of(List.of(), "b").body(), StandardCharsets.US_ASCII));
    }
}
