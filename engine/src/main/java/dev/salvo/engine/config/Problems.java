package dev.salvo.engine.config;

import java.util.ArrayList;
import java.util.List;

/** Validation problems collected all at once, each naming where it came from. */
public final class Problems {
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public void error(String path, String message) {
        errors.add(path + ": " + message);
    }

    public void warning(String path, String message) {
        warnings.add(path + ": " + message);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
