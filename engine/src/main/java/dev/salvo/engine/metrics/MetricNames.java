package dev.salvo.engine.metrics;

import java.util.regex.Pattern;

/** k6's rule for metric names: a letter or underscore, then letters, digits, underscores; at most 128. */
public final class MetricNames {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,127}");

    private MetricNames() {}

    /** Null when {@code name} is a valid metric name, else what is wrong with it. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "a metric needs a name";
        if (NAME.matcher(name).matches()) return null;
        return "invalid metric name '" + name + "': use letters, digits and '_' (not first), at most 128 characters";
    }
}
