package dev.salvo.engine.plan;

import java.util.List;

/** A configuration file or profile choice that cannot be used (a command-line problem: exit 2). */
public final class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
