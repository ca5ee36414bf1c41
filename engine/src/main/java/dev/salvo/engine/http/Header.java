package dev.salvo.engine.http;

import java.util.Objects;

/** One HTTP header as sent on the wire; names keep the caller's spelling. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
