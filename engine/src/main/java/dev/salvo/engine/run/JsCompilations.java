package dev.salvo.engine.run;

/**
 * What the JavaScript runtime compiled during the run: how many functions, the highest tier reached
 * (0: none, 1: the fast first tier, 2: the optimizing last tier), the compilers' time in seconds, and
 * how many compilations failed (a function whose compilation fails keeps running in the interpreter).
 */
public record JsCompilations(int count, int tier, double seconds, int failed) {
    public static final JsCompilations NONE = new JsCompilations(0, 0, 0, 0);
}
