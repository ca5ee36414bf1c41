package dev.salvo.engine.plan;
import java.util.Locale;


/** How VUs share JavaScript state: a context each (k6's semantics), or one per worker (lighter). */
public enum Isolation {
    VU, WORKER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
