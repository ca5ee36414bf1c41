package dev.salvo.dsl.script;

import java.util.Locale;

/**
 * How a k6 script's synchronous calls run (docs/k6.md, "Which mode"): {@code rewrite} makes the script async at
 * load time and runs it on salvo's async VUs; {@code sync} runs it as written, each VU on a JDK virtual thread
 * whose blocking calls park it while Netty does the I/O. Native salvo scripts always run async.
 */
public enum K6Mode {
    REWRITE, SYNC;

    /** The mode k6 scripts run in without {@code --k6-mode}. */
    public static final K6Mode DEFAULT = REWRITE;

    /** {@code rewrite} or {@code sync}, in any case; else an {@link IllegalArgumentException} that says what is allowed. */
    public static K6Mode parse(String text) {
        for (K6Mode m : values()) if (m.name().equalsIgnoreCase(text.trim())) return m;
        throw new IllegalArgumentException("--k6-mode must be 'rewrite' or 'sync', not '" + text + "'");
    }

    /** As the flag spells it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
