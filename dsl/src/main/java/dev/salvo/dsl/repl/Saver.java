package dev.salvo.dsl.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session's successful inputs as a scenario script that {@code salvo run} accepts: imports
 * first, functions declared at the prompt exported, the other inputs in order as the default
 * function; inputs that only show a value ({@code res}, {@code res.status === 200}) are left out.
 */
final class Saver {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s[\\s\\S]*$");
    private static final Pattern INSPECTION = Pattern.compile("^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*|\\[[^\\]]*\\])*;?$");
    private static final Pattern KEYWORD = Pattern.compile("^(const|let|var)\\s+");
    private static final Pattern STRINGS = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|`(?:[^`\\\\]|\\\\.)*`");
    /** {@code =}, {@code +=} ..., but not {@code ==}, {@code ===}, {@code !=}, {@code <=}, {@code >=} or {@code =>}. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![=!<>])(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?![=>])");
    private static final Pattern STATEMENT = Pattern.compile(
            "\\b(?:const|let|var|function|class|import|export|await|yield|delete|throw|return|if|for|while|do|switch|try|new)\\b");

    private final List<String> inputs = new ArrayList<>();
    /** Modules loaded with .load: file -> export names. */
    private final Map<Path, List<String>> loaded = new LinkedHashMap<>();

    void add(String input) {
        String s = input.strip();
        if (!s.isEmpty() && !INSPECTION.matcher(s).matches() && !s.matches("^_\\b[\\s\\S]*") && hasEffects(s)) inputs.add(s);
    }

    /**
     * Whether a statement can change anything: it calls, assigns, declares, awaits, imports or is a
     * statement with a keyword. {@code res.status === 200} or {@code 1 + 2} only show a value: not saved.
     */
    static boolean hasEffects(String statement) {
        String code = STRINGS.matcher(statement).replaceAll("''");
        return code.contains("(") || ASSIGNMENT.matcher(code).find() || code.contains("++") || code.contains("--")
                || STATEMENT.matcher(code).find();
    }

    void loaded(Path file, List<String> exports) {
        loaded.put(file, exports);
    }

    void clear() {
        inputs.clear();
        loaded.clear();
    }

    boolean isEmpty() {
        return inputs.isEmpty();
    }

    /** Functions the script will export: declared at the prompt or by a loaded module. */
    List<String> functions() {
        List<String> out = new ArrayList<>();
        for (String s : inputs) {
            Matcher f = Rewrite.FUNCTION.matcher(s);
            if (f.find()) out.add(f.group(1));
        }
        loaded.values().forEach(out::addAll);
        out.remove("default");
        out.remove("options");
        return out;
    }

    /**
     * The script for a file in {@code folder}; {@code entry} names the function the default export
     * calls, or null for the inputs themselves; {@code .run} leaves out the options (its flags set the load).
     */
    String script(Path folder, String entry, boolean withOptions) {
        List<String> imports = new ArrayList<>(List.of("import http from 'salvo/http';",
                "import { check, group, sleep, between, fail, env } from 'salvo';",
                "import { Counter, Gauge, Rate, Trend } from 'salvo/metrics';"));
        loaded.forEach((file, names) -> {
            List<String> named = names.stream().filter(n -> !n.equals("default") && !n.equals("options")).toList();
            String rel = folder.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
            if (!named.isEmpty()) imports.add("import { " + String.join(", ", named) + " } from '"
                    + (rel.startsWith(".") ? rel : "./" + rel) + "';");
        });
        List<String> functions = new ArrayList<>();
        List<String> hooks = loaded.values().stream().flatMap(List::stream).filter(n -> n.equals("setup") || n.equals("teardown")).toList();
        if (!hooks.isEmpty()) functions.add("export { " + String.join(", ", hooks) + " };");
        List<String> body = new ArrayList<>();
        Map<String, Integer> declarations = new HashMap<>();
        for (String s : inputs) for (String n : Rewrite.declared(s)) declarations.merge(n, 1, Integer::sum);
        Map<String, Boolean> seen = new HashMap<>();
        for (String s : inputs) {
            if (IMPORT.matcher(s).matches()) {
                if (!imports.contains(s)) imports.add(s.endsWith(";") ? s : s + ";");
            } else if (Rewrite.FUNCTION.matcher(s).find()) {
                functions.add("export " + s);
            } else {
                List<String> names = Rewrite.declared(s);
                String line = s.endsWith(";") || s.endsWith("}") ? s : s + ";";
                if (names.size() == 1 && declarations.get(names.get(0)) > 1) {
                    line = seen.put(names.get(0), true) == null ? KEYWORD.matcher(line).replaceFirst("let ")
                            : KEYWORD.matcher(line).replaceFirst("");
                }
                body.add(line);
            }
        }
        StringBuilder out = new StringBuilder("// Saved by salvo repl. Run it with: salvo run FILE (--demo for the demo target)\n");
        imports.forEach(i -> out.append(i).append('\n'));
        if (withOptions) out.append("\nexport const options = {\n  vus: 1,\n  iterations: 1,\n};\n");
        functions.forEach(f -> out.append('\n').append(f).append('\n'));
        out.append("\nexport default async function (data, vu) {\n");
        if (entry != null) {
            out.append("  return ").append(entry).append("(data, vu);\n");
        } else {
            for (String line : body) for (String l : line.split("\n", -1)) out.append("  ").append(l).append('\n');
        }
        return out.append("}\n").toString();
    }
}
