package dev.salvo.engine.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** A {@code multipart/form-data} body (RFC 7578), built whole: the form fields and files of one request. */
public record Multipart(String boundary, byte[] body) {

    /** One field; a file when {@code filename} is not null. */
    public record Part(String name, String filename, String contentType, byte[] data) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Encodes {@code parts} in order under a random boundary. */
    public static Multipart of(List<Part> parts) {
        return of(parts, randomBoundary());
    }

    public static Multipart of(List<Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(p.name())).append('"');
            if (p.filename() != null) {
                head.append("; filename=\"").append(quoted(p.filename())).append('"');
            }
            head.append("\r\n");
            if (p.filename() != null || p.contentType() != null) {
                head.append("Content-Type: ")
                        .append(p.contentType() == null ? "application/octet-stream" : p.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.data());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Multipart(boundary, out.toByteArray());
    }

    /** RFC 7578 4.2: quotes and line breaks in names are percent-encoded, as browsers do. */
    private static String quoted(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String randomBoundary() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "salvo" + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
    }
}
