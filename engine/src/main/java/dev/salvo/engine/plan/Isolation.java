package dev.salvo.engine.plan;

/** How VUs share JavaScript state: a context each (k6's semantics), or one per worker (lighter). */
public enum Isolation {
    VU, WORKER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
