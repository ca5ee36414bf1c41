package dev.salvo.engine.plan;

import java.util.List;

/** A plan that cannot run; carries every problem found, not only the first. */
public final class PlanException extends Exception {
    private final List<String> problems;

    public PlanException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
