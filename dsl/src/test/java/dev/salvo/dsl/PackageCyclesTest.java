package dev.salvo.dsl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the main sources of both modules and fails on an import cycle between packages, so the
 * layering of docs/architecture.md stays true. A package and its {@code internal} sub-packages
 * count as one (the implementation behind an API, DESIGN §1).
 */
class PackageCyclesTest {
    private static final Path DSL = Path.of("src/main/java");
    private static final Path ENGINE = Path.of("../engine/src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** Imports (static too) and inline qualified names: the package is the part before the first capital. */
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])(dev\\.salvo(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");

    @Test
    void noImportCycleBetweenPackagesOfTheEngine() throws IOException {
        assertNoCycle(dependencies(ENGINE));
    }

    @Test
    void noImportCycleBetweenPackagesOfTheDsl() throws IOException {
        assertNoCycle(dependencies(DSL));
    }

    @Test
    void noEnginePackageDependsOnTheRun() throws IOException {
        Map<String, Map<String, Set<String>>> deps = dependencies(ENGINE);
        List<String> users = new ArrayList<>();
        deps.forEach((from, to) -> {
            if (!from.equals("dev.salvo.engine.run") && to.containsKey("dev.salvo.engine.run")) users.add(from + " " + to.get("dev.salvo.engine.run"));
        });
        assertEquals(List.of(), users, "engine packages that import dev.salvo.engine.run (only the run's composer may)");
    }

    @Test
    void detectsACycle() {
        Map<String, Map<String, Set<String>>> deps = new TreeMap<>();
        deps.computeIfAbsent("a", k -> new TreeMap<>()).put("b", Set.of("A.java"));
        deps.computeIfAbsent("b", k -> new TreeMap<>()).put("c", Set.of("B.java"));
        deps.computeIfAbsent("c", k -> new TreeMap<>()).put("a", Set.of("C.java"));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(deps));
        assertTrue(unit("dev.salvo.engine.http.internal").equals("dev.salvo.engine.http"));
    }

    private static void assertNoCycle(Map<String, Map<String, Set<String>>> deps) {
        assertFalse(deps.isEmpty(), "no sources found under " + Path.of("").toAbsolutePath());
        List<List<String>> cycles = cycles(deps);
        StringBuilder why = new StringBuilder();
        for (List<String> cycle : cycles) {
            why.append("\ncycle: ").append(cycle);
            for (String from : cycle) {
                deps.get(from).forEach((to, files) -> {
                    if (cycle.contains(to)) why.append("\n  ").append(from).append(" -> ").append(to).append(" in ").append(files);
                });
            }
        }
        assertTrue(cycles.isEmpty(), why.toString());
    }

    /** Package (unit) → package it references → the files that do. */
    private static Map<String, Map<String, Set<String>>> dependencies(Path root) throws IOException {
        Map<String, Map<String, Set<String>>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) continue;
                String from = unit(pkg.group(1));
                Map<String, Set<String>> out = deps.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher ref = REFERENCE.matcher(STRING.matcher(COMMENT.matcher(text).replaceAll(" ")).replaceAll("\"\""));
                while (ref.find()) {
                    String to = unit(ref.group(1));
                    if (!to.equals(from)) out.computeIfAbsent(to, k -> new TreeSet<>()).add(f.getFileName().toString());
                }
            }
        }
        return deps;
    }

    private static String unit(String pkg) {
        int internal = pkg.indexOf(".internal");
        return internal < 0 ? pkg : pkg.substring(0, internal);
    }

    /** Tarjan's strongly connected components with more than one member, each sorted. */
    private static List<List<String>> cycles(Map<String, Map<String, Set<String>>> deps) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : deps.keySet()) if (!index.containsKey(v)) connect(v, deps, index, low, stack, onStack, out);
        return out;
    }

    private static void connect(String v, Map<String, Map<String, Set<String>>> deps, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : deps.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, deps, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (!low.get(v).equals(index.get(v))) return;
        List<String> component = new ArrayList<>();
        String w;
        do {
            w = stack.pop();
            onStack.remove(w);
            component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) out.add(component.stream().sorted().toList());
    }
}
