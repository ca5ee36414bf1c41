package dev.salvo.engine.http;

import java.util.Objects;

/**
 * A cookie given with one request (k6's {@code params.cookies}); it is sent, not stored. With
 * {@code replace} it hides a jar cookie of the same name, otherwise both are sent.
 */
public record RequestCookie(String name, String value, boolean replace) {
    public RequestCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
