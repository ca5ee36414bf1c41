package dev.salvo.engine.http;

import com.aayushatharva.brotli4j.encoder.Encoder;
import io.netty.handler.codec.compression.Brotli;
import io.netty.handler.codec.compression.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Content codings: gzip and deflate from the JDK, br and zstd through the native libraries Netty's
 * codecs use (brotli4j, zstd-jni). Where a native library cannot load, its coding is reported as
 * unsupported rather than failing later.
 */
public final class Compression {
    private Compression() {
    }

    private static final class Natives {
        // Loading the native libraries takes 0.2-0.8 s on our machines: once per process, never per request.
        static final String ACCEPT_ENCODING = "gzip, deflate" + (Brotli.isAvailable() ? ", br" : "")
                + (Zstd.isAvailable() ? ", zstd" : "");
    }

    /** The Accept-Encoding salvo sends: every coding it can decode here. The first call loads the native libraries. */
    public static String acceptEncoding() {
        return Natives.ACCEPT_ENCODING;
    }

    /** Null when salvo can decode {@code contentEncoding}, else why not. */
    public static String unsupported(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        for (String coding : contentEncoding.split(",")) {
            String c = coding.trim().toLowerCase(Locale.ROOT);
            if (c.equals("br") && !Brotli.isAvailable() || c.equals("zstd") && !Zstd.isAvailable()) {
                return "unsupported content encoding '" + c + "': its native library cannot load on this machine";
            }
        }
        return null;
    }

    /** Null when salvo can encode request bodies with {@code coding}, else what is wrong with it. */
    public static String problem(String coding) {
        String c = coding.trim().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "gzip", "deflate" -> null;
            case "br", "zstd" -> (c.equals("br") ? Brotli.isAvailable() : Zstd.isAvailable()) ? null
                    : "unsupported compression '" + c + "': its native library cannot load on this machine";
            default -> "unsupported compression '" + coding + "' (supported: gzip, deflate, br, zstd)";
        };
    }

    /**
     * {@code body} encoded with {@code coding} (k6's {@code params.compression}). Throws
     * IllegalArgumentException, with {@link #problem}'s message, for an unknown or unavailable coding.
     */
    public static byte[] encode(String coding, byte[] body) {
        String problem = problem(coding);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        byte[] in = body == null ? new byte[0] : body;
        try {
            return switch (coding.trim().toLowerCase(Locale.ROOT)) {
                case "gzip" -> stream(in, GZIPOutputStream::new);
                case "deflate" -> stream(in, DeflaterOutputStream::new);
                case "br" -> Encoder.compress(in);
                default -> com.github.luben.zstd.Zstd.compress(in);
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot compress with " + coding + ": " + e.getMessage(), e);
        }
    }

    private interface StreamFactory {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] stream(byte[] body, StreamFactory factory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (OutputStream out = factory.wrap(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }
}
