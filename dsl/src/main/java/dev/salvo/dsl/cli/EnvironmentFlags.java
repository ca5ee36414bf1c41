package dev.salvo.dsl.cli;

import dev.salvo.engine.config.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code salvo run}'s flags from the environment, one rule: {@code SALVO_} + the long flag in upper snake
 * case ({@code --spawn-rate} is {@code SALVO_SPAWN_RATE}, {@code --users} {@code SALVO_USERS}). They are
 * picocli default values, so a flag on the command line wins. A flag with several long names
 * ({@code --vus}/{@code --users}) takes either variable; both set to different values is a problem.
 */
final class EnvironmentFlags implements CommandLine.IDefaultValueProvider {
    /** Variables of the launcher and the image, not flags. */
    private static final Set<String> LAUNCHER = Set.of("SALVO_HOME", "SALVO_JAVA_HOME", "SALVO_JDK_SEARCH_PATH", "SALVO_JS_RUNTIME",
            "SALVO_OPTS", "SALVO_NO_AOT", "SALVO_DIST", "SALVO_REQUIRE_CHROMIUM");
    /** Flags whose value is a secret: --print-plan says the variable was set, not to what. */
    private static final Set<String> SECRET = Set.of("--token", "--web-auth");
    private final Map<String, String> env;
    /** Long flag to the {@code VARIABLE=value} that gave it its value. */
    private final Map<String, String> used = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    EnvironmentFlags(Map<String, String> env) {
        this.env = env;
    }

    /** {@code --spawn-rate} → {@code SALVO_SPAWN_RATE}. */
    static String variable(String longFlag) {
        return "SALVO_" + longFlag.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) return null;
        String flag = null;
        String value = null;
        for (String name : option.names()) {
            if (!name.startsWith("--")) continue;
            String v = env.get(variable(name));
            if (v == null || v.isEmpty()) continue; // compose's ${X:-} makes empty variables: unset
            if (value != null && !value.equals(v)) {
                problems.add(variable(flag) + "=" + value + " and " + variable(name) + "=" + v + " set the same flag (" + flag + ") to different values");
            }
            if (value == null) {
                flag = name;
                value = v;
            }
        }
        if (value == null) return null;
        used.put(option.longestName(), variable(flag) + "=" + value);
        return value;
    }

    /** The flags that took their value from the environment, of those the command line did not give (long flag → {@code VAR=value}). */
    Map<String, String> fromEnvironment(CommandLine.ParseResult parsed) {
        Map<String, String> out = new LinkedHashMap<>();
        used.forEach((flag, variable) -> {
            if (parsed.hasMatchedOption(flag)) return;
            out.put(flag, SECRET.contains(flag) ? variable.substring(0, variable.indexOf('=') + 1) + "(set, not shown)" : variable);
        });
        return out;
    }

    /** Conflicting variables: command-line problems (exit 2). */
    List<String> problems() {
        return problems;
    }

    /** {@code SALVO_*} variables that are no flag but look like a misspelt one, with the one they may mean. */
    List<String> warnings(CommandLine.Model.CommandSpec spec) {
        Set<String> known = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            for (String n : o.names()) if (n.startsWith("--")) known.add(variable(n));
        }
        List<String> out = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (!name.startsWith("SALVO_") || known.contains(name) || LAUNCHER.contains(name)) continue;
            String hint = Suggest.closest(name, known);
            if (hint != null) out.add(name + " is not a salvo run flag (did you mean " + hint + "?); it is ignored");
        }
        return out;
    }

    /** The variable behind a bad value picocli rejected, or null when the value came from the command line. */
    String blame(CommandLine.ParameterException e) {
        if (!(e.getArgSpec() instanceof OptionSpec option)) return null;
        String variable = used.get(option.longestName());
        if (variable == null) return null;
        String value = variable.substring(variable.indexOf('=') + 1);
        return e.getMessage().contains("'" + value + "'") ? variable.substring(0, variable.indexOf('=')) : null;
    }
}
