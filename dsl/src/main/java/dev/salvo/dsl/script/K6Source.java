package dev.salvo.dsl.script;

import dev.salvo.dsl.script.JsTokens.Kind;
import dev.salvo.dsl.script.JsTokens.Tok;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * k6 scripts call {@code http.get} and {@code sleep} synchronously; salvo's VUs are async. Until VUs
 * run on virtual threads (issue 23), a k6 script is rewritten at load time: every call that blocks in
 * k6 (the k6/http verbs, {@code sleep}, {@code group}) becomes {@code (await call(...))}, the function
 * around it becomes {@code async}, and so on up the script's own call graph (calls by name within the
 * file). Only text is inserted, never a line break, so error lines stay the script's. What it cannot
 * prove right (a callback that became async inside {@code forEach}, a check predicate) is a warning.
 */
public final class K6Source {
    private static final Pattern K6_IMPORT = Pattern.compile(
            "(?m)^\\s*import\\b[^;'\"]*?(?:from\\s*)?['\"]k6(?:/[\\w/.-]*)?['\"]");
    private static final Set<String> HTTP_CALLS = Set.of("get", "post", "put", "patch", "del", "head", "options", "request", "batch");
    private static final Set<String> K6_CALLS = Set.of("sleep", "group");
    /** A k6 Response's methods that make a request: matched by name on any object, as awaiting a non-promise is harmless. */
    private static final Set<String> RESPONSE_CALLS = Set.of("submitForm", "clickLink");
    /** k6/ws's connect() blocks until the socket has closed. */
    private static final Set<String> WS_CALLS = Set.of("connect");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "function", "with", "return",
            "typeof", "await", "new", "delete", "void", "in", "of", "instanceof");
    /** Array methods whose async callbacks are run one after the other by {@code __k6each} (k6-globals.mjs). */
    private static final Set<String> ARRAY_CALLBACKS = Set.of("forEach", "map", "filter", "reduce", "some", "every", "find",
            "findIndex", "flatMap");
    /** Calls that wait for an async callback: k6's group (salvo's awaits its function). */
    private static final Set<String> AWAITING = Set.of("group");

    /** Text put in at {@code at}, replacing up to {@code end}; openings at one offset go outermost ({@code close} last) first. */
    private record Edit(int at, int end, String text, int order, int close) {}

    /** k6's jslib modules salvo has its own implementation of, by the URL path k6 scripts import them with. */
    private static final Pattern JSLIB = Pattern.compile("https://jslib\\.k6\\.io/(k6-utils|k6-summary)/[\\w.-]+/index\\.js");

    /** The k6 modules the layer has (docs/k6.md); importing another is a script error that says so. */
    static final Set<String> MODULES = Set.of("k6", "k6/http", "k6/metrics", "k6/execution", "k6/encoding", "k6/data", "k6/timers",
            "k6/crypto", "k6/html", "k6/ws");

    /**
     * The rewritten text, what could not be proven right and what cannot run (imports of k6 modules the layer
     * lacks, remote modules), each as {@code line N: message}.
     */
    public record Result(String text, List<String> warnings, List<String> errors, Set<String> asyncExports) {}

    /** The names a local module exports that became async ({@code default} for its default export); empty when none. */
    @FunctionalInterface
    public interface Exports {
        Set<String> asyncExportsOf(String relativeSpecifier);
    }

    /** A module with no local imports, or whose local modules call nothing of k6's. */
    public static Result transform(String src) {
        return transform(src, spec -> Set.of());
    }

    /**
     * The module {@code file} rewritten, its local imports ({@code ./lib.js}) read below {@code root} to learn
     * which of their exports became async; a module importing itself in a cycle is read once.
     */
    public static Result transformFile(java.nio.file.Path root, java.nio.file.Path file, String src) {
        return transformFile(root, file, src, new HashSet<>(), new java.util.HashMap<>());
    }

    /** {@code reading}: the modules being read now (a cycle stops there); {@code known}: each module's async exports, read once. */
    private static Result transformFile(java.nio.file.Path root, java.nio.file.Path file, String src, Set<java.nio.file.Path> reading,
                                        java.util.Map<java.nio.file.Path, Set<String>> known) {
        java.nio.file.Path self = file.toAbsolutePath().normalize();
        reading.add(self);
        try {
            return transform(src, spec -> {
                java.nio.file.Path dep = self.getParent().resolve(spec).normalize();
                if (!dep.startsWith(root.toAbsolutePath().normalize()) || reading.contains(dep) || !java.nio.file.Files.isRegularFile(dep)) {
                    return Set.of();
                }
                Set<String> exports = known.get(dep);
                if (exports != null) return exports;
                try {
                    exports = transformFile(root, dep, java.nio.file.Files.readString(dep), reading, known).asyncExports();
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    exports = Set.of(); // the module loader reports it
                }
                known.put(dep, exports);
                return exports;
            });
        } finally {
            reading.remove(self);
        }
    }

    private K6Source() {}

    /** True when the module imports {@code k6} or a {@code k6/*} module. */
    public static boolean isK6(String text) {
        return K6_IMPORT.matcher(text).find();
    }

    /** A function literal: tokens [from, to] of its body, where "async " goes, and the name it is called by. */
    private static final class Fn {
        int asyncAt;
        boolean async;
        boolean convertible = true;
        int from;
        int to;
        String name;
        boolean method;
        /** The token of the function's start, to find the call it is an argument of. */
        int startTok;
    }

    public static Result transform(String src, Exports local) {
        List<Tok> toks = JsTokens.tokenize(src);
        int[] match = JsTokens.matchBrackets(toks);
        List<Fn> fns = functions(src, toks, match);
        java.util.Map<String, Set<String>> namespaces = new java.util.HashMap<>();
        Set<String> blocking = new HashSet<>();
        imports(toks, namespaces, blocking);
        Set<String> asyncMethods = new HashSet<>();
        localImports(toks, local, blocking, asyncMethods);
        Set<String> declared = new HashSet<>();
        for (Fn f : fns) if (f.name != null && !f.method) declared.add(f.name);

        int[] callee = new int[fns.size()];
        for (int i = 0; i < fns.size(); i++) callee[i] = calleeOf(toks, match, fns.get(i).startTok);

        boolean changed = true;
        List<int[]> calls = new ArrayList<>();
        Set<Integer> arrayCalls = new HashSet<>();
        while (changed) {
            changed = false;
            calls.clear();
            arrayCalls.clear();
            for (int c = 0; c + 1 < toks.size(); c++) {
                Tok t = toks.get(c);
                if (t.kind() != Kind.IDENT || !toks.get(c + 1).is("(")) continue;
                Tok prev = c > 0 ? toks.get(c - 1) : null;
                boolean member = prev != null && (prev.is(".") || prev.is("?."));
                boolean hit;
                if (member) {
                    Tok owner = c > 1 ? toks.get(c - 2) : null;
                    boolean plainOwner = owner != null && owner.kind() == Kind.IDENT && (c < 3 || !toks.get(c - 3).is("."));
                    hit = plainOwner && namespaces.getOrDefault(owner.text(), Set.of()).contains(t.text())
                            || asyncMethods.contains(t.text()) || RESPONSE_CALLS.contains(t.text());
                    if (!hit && ARRAY_CALLBACKS.contains(t.text()) && hasAsyncCallback(fns, callee, c)) {
                        hit = true;
                        arrayCalls.add(c);
                    }
                } else {
                    hit = blocking.contains(t.text()) && (prev == null || !prev.is("function")) && !isDefinition(fns, c);
                }
                if (!hit) continue;
                calls.add(new int[] {chainStart(toks, match, c), match[c + 1], c});
                Fn f = enclosing(fns, c);
                if (f != null && !f.async) {
                    f.async = true;
                    changed = true;
                    if (f.name != null) (f.method ? asyncMethods : blocking).add(f.name);
                }
            }
        }

        List<String> warnings = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < fns.size(); i++) {
            Fn f = fns.get(i);
            if (!f.async || f.asyncAt < 0) continue;
            if (!f.convertible) {
                warnings.add(line(src, toks.get(f.startTok).start()) + ": a getter, setter or generator calls a blocking k6 function: it cannot be made async");
                continue;
            }
            edits.add(new Edit(f.asyncAt, f.asyncAt, "async ", 1, 0));
            String name = callee[i] < 0 ? null : toks.get(callee[i]).text();
            if (name != null && !AWAITING.contains(name) && !arrayCalls.contains(callee[i]) && !blocking.contains(name)
                    && !asyncMethods.contains(name)) {
                warnings.add(line(src, toks.get(f.startTok).start()) + ": a callback passed to " + name
                        + "() calls a blocking k6 function; it became async and " + name + "() may not wait for it");
            }
        }
        for (int[] c : calls) {
            int close = toks.get(c[1]).end();
            // A line that starts with '(' continues the line before it (no automatic semicolon there): keep them apart
            String semi = startsStatement(src, toks, match, c[0]) ? ";" : "";
            if (arrayCalls.contains(c[2])) {
                // list.forEach(fn) -> (await __k6each(list, 'forEach', fn)): the callbacks run one after the other, as in k6
                edits.add(new Edit(toks.get(c[0]).start(), toks.get(c[0]).start(), semi + "(await __k6each(", 2, close));
                edits.add(new Edit(toks.get(c[2] - 1).start(), toks.get(c[2] + 1).end(), ", '" + toks.get(c[2]).text() + "', ", 2, 0));
            } else {
                edits.add(new Edit(toks.get(c[0]).start(), toks.get(c[0]).start(), semi + "(await ", 2, close));
            }
            edits.add(new Edit(close, close, ")", 0, 0));
        }
        edits.addAll(jslibEdits(toks));
        return new Result(apply(src, edits), warnings, importErrors(src, toks), asyncExports(toks, fns, blocking));
    }

    /**
     * The module with only its imports rewritten (the jslibs salvo has), for VUs that block (K6Mode.SYNC): its calls
     * run as written. The errors are those of {@link #transform}; there are no warnings.
     */
    public static Result imports(String src) {
        List<Tok> toks = JsTokens.tokenize(src);
        return new Result(apply(src, jslibEdits(toks)), List.of(), importErrors(src, toks), Set.of());
    }

    private static List<Edit> jslibEdits(List<Tok> toks) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            int m = importedModule(toks, i);
            if (m < 0) continue;
            java.util.regex.Matcher lib = JSLIB.matcher(unquote(toks.get(m).text()));
            // salvo's own implementation of the jslib, served as a module named 'k6/jslib/<name>' (ScriptFileSystem)
            if (lib.matches()) edits.add(new Edit(toks.get(m).start(), toks.get(m).end(), "'k6/jslib/" + lib.group(1) + "'", 1, 0));
        }
        return edits;
    }

    private static String apply(String src, List<Edit> edits) {
        edits.sort((a, b) -> a.at() != b.at() ? Integer.compare(a.at(), b.at())
                : a.order() != b.order() ? Integer.compare(a.order(), b.order()) : Integer.compare(b.close(), a.close()));
        StringBuilder out = new StringBuilder(src.length() + 64);
        int at = 0;
        for (Edit e : edits) {
            out.append(src, at, e.at());
            out.append(e.text());
            at = e.end();
        }
        out.append(src, at, src.length());
        return out.toString();
    }

    static String line(String src, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (src.charAt(i) == '\n') line++;
        return "line " + line;
    }

    /** True when an async function is an argument of the call whose callee is token {@code c}. */
    private static boolean hasAsyncCallback(List<Fn> fns, int[] callee, int c) {
        for (int i = 0; i < fns.size(); i++) if (callee[i] == c && fns.get(i).async) return true;
        return false;
    }

    /** The callee token of the call whose argument list directly holds the function starting at token {@code s}, or -1. */
    private static int calleeOf(List<Tok> toks, int[] match, int s) {
        for (int i = s - 1; i >= 0; i--) {
            Tok t = toks.get(i);
            if (t.is(")") || t.is("]") || t.is("}")) {
                i = match[i];
                continue;
            }
            if (t.is("(")) {
                return i > 0 && toks.get(i - 1).kind() == Kind.IDENT ? i - 1 : -1;
            }
            if (t.is("[") || t.is("{") || t.is(";")) return -1;
        }
        return -1;
    }

    private static boolean isDefinition(List<Fn> fns, int c) {
        for (Fn f : fns) if (f.method && f.startTok == c) return true;
        return false;
    }

    /** The first token of a member chain ending in the callee at {@code c}: {@code a.b(x).c} from {@code c}. */
    private static int chainStart(List<Tok> toks, int[] match, int c) {
        int s = c;
        while (s >= 2 && (toks.get(s - 1).is(".") || toks.get(s - 1).is("?."))) {
            int p = s - 2;
            Tok t = toks.get(p);
            if ((t.is(")") || t.is("]")) && match[p] >= 0) {
                p = match[p];
                if (p > 0 && toks.get(p - 1).kind() == Kind.IDENT && !JsTokens.REGEX_AFTER.contains(toks.get(p - 1).text())) p--;
            } else if (t.kind() != Kind.IDENT && t.kind() != Kind.STRING && t.kind() != Kind.TEMPLATE) {
                break;
            }
            s = p;
        }
        return s;
    }

    private static Fn enclosing(List<Fn> fns, int c) {
        Fn best = null;
        for (Fn f : fns) {
            if (f.from <= c && c <= f.to && (best == null || f.to - f.from < best.to - best.from)) best = f;
        }
        return best;
    }

    /** The calls that block in k6, by the module that has them. */
    private static final java.util.Map<String, Set<String>> BLOCKING = java.util.Map.of("k6/http", HTTP_CALLS, "k6", K6_CALLS, "k6/ws", WS_CALLS);

    /**
     * The blocking calls of each local name of a default or namespace import of a k6 module ({@code http} ->
     * get, post...), and the local names of the blocking functions imported by name.
     */
    private static void imports(List<Tok> toks, java.util.Map<String, Set<String>> namespaces, Set<String> blocking) {
        for (int i = 0; i < toks.size(); i++) {
            int end = importedModule(toks, i);
            if (end < 0) continue;
            int j = i + 1;
            Set<String> calls = BLOCKING.get(unquote(toks.get(end).text()));
            if (calls == null) continue;
            for (int k = j; k < end; k++) {
                Tok t = toks.get(k);
                if (t.is("{")) {
                    for (k++; k < end && !toks.get(k).is("}"); k++) {
                        Tok name = toks.get(k);
                        if (name.kind() != Kind.IDENT || !calls.contains(name.text())) continue;
                        String local = name.text();
                        if (k + 2 < end && toks.get(k + 1).is("as")) local = toks.get(k + 2).text();
                        blocking.add(local);
                    }
                } else if (t.is("*") && k + 2 < end && toks.get(k + 1).is("as")) {
                    namespaces.put(toks.get(k + 2).text(), calls);
                    k += 2;
                } else if (t.kind() == Kind.IDENT && !t.is("from") && !t.is("as")) {
                    namespaces.put(t.text(), calls);
                }
            }
        }
    }

    /** Names imported from local modules whose exports became async: they block, as k6/http's calls do. */
    private static void localImports(List<Tok> toks, Exports local, Set<String> blocking, Set<String> asyncMethods) {
        for (int i = 0; i + 1 < toks.size(); i++) {
            int end = importedModule(toks, i);
            if (end < 0) continue;
            String module = unquote(toks.get(end).text());
            if (!module.startsWith("./") && !module.startsWith("../")) continue;
            Set<String> async = local.asyncExportsOf(module);
            if (async.isEmpty()) continue;
            for (int k = i + 1; k < end; k++) {
                Tok t = toks.get(k);
                if (t.is("{")) {
                    for (k++; k < end && !toks.get(k).is("}"); k++) {
                        Tok name = toks.get(k);
                        if (name.kind() != Kind.IDENT || name.is("as")) continue;
                        String local2 = k + 2 < end && toks.get(k + 1).is("as") ? toks.get(k + 2).text() : name.text();
                        if (async.contains(name.text())) blocking.add(local2);
                        if (toks.get(k + 1).is("as")) k += 2;
                    }
                } else if (t.is("*") && k + 2 < end && toks.get(k + 1).is("as")) {
                    asyncMethods.addAll(async); // ns.fn(...): a member call of that name
                    k += 2;
                } else if (t.kind() == Kind.IDENT && !t.is("from") && async.contains("default")) {
                    blocking.add(t.text());
                }
            }
        }
    }

    /** The exported names of functions that became async: export function f, export const f = ..., export { f }, export default. */
    private static Set<String> asyncExports(List<Tok> toks, List<Fn> fns, Set<String> blocking) {
        Set<String> out = new HashSet<>();
        for (Fn f : fns) {
            if (!f.async || f.method) continue;
            int s = f.startTok;
            int k = s - 1;
            if (k >= 0 && toks.get(k).is("async")) k--;
            if (k >= 0 && toks.get(k).is("default") && k > 0 && toks.get(k - 1).is("export")) out.add("default");
            if (f.name == null) continue;
            if (k >= 0 && toks.get(k).is("export")) out.add(f.name);
            // export const f = () => ..., export let f = function () ...
            if (k >= 2 && toks.get(k).is("=") && k >= 3 && toks.get(k - 3).is("export")) out.add(f.name);
        }
        for (int i = 0; i + 1 < toks.size(); i++) {
            if (!toks.get(i).is("export")) continue;
            if (toks.get(i + 1).is("default") && i + 2 < toks.size() && toks.get(i + 2).kind() == Kind.IDENT && blocking.contains(toks.get(i + 2).text())) {
                out.add("default");
            }
            if (!toks.get(i + 1).is("{")) continue;
            for (int k = i + 2; k < toks.size() && !toks.get(k).is("}"); k++) {
                Tok name = toks.get(k);
                if (name.kind() != Kind.IDENT || !blocking.contains(name.text())) continue;
                out.add(k + 2 < toks.size() && toks.get(k + 1).is("as") ? toks.get(k + 2).text() : name.text());
            }
        }
        return out;
    }

    private static List<String> importErrors(String src, List<Tok> toks) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i + 1 < toks.size(); i++) {
            int end = importedModule(toks, i);
            if (end < 0) continue;
            String module = unquote(toks.get(end).text());
            String at = line(src, toks.get(end).start());
            if ((module.equals("k6") || module.startsWith("k6/")) && !MODULES.contains(module)) {
                errors.add(at + ": import of '" + module + "': this k6 module is not supported by salvo's k6 layer yet "
                        + "(docs/k6.md lists what is: " + String.join(", ", new java.util.TreeSet<>(MODULES)) + ")");
            } else if (JSLIB.matcher(module).matches()) {
                continue;
            } else if (module.startsWith("http://") || module.startsWith("https://")) {
                errors.add(at + ": import of '" + module + "': salvo does not load remote modules; "
                        + "download the file beside the script and import it by a relative path (salvo has its own k6-utils and k6-summary only)");
            }
        }
        return errors;
    }

    /** The token of the module name of the static import starting at token {@code i}, or -1 when there is none there. */
    static int importedModule(List<Tok> toks, int i) {
        if (!toks.get(i).is("import") || i + 1 >= toks.size() || toks.get(i + 1).is("(") || toks.get(i + 1).is(".")) return -1;
        int end = i + 1;
        while (end < toks.size() && toks.get(end).kind() != Kind.STRING && !toks.get(end).is(";")) end++;
        return end < toks.size() && toks.get(end).kind() == Kind.STRING ? end : -1;
    }

    private static String unquote(String s) {
        return s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
    }

    private static List<Fn> functions(String src, List<Tok> toks, int[] match) {
        List<Fn> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            Tok prev = i > 0 ? toks.get(i - 1) : null;
            if (t.is("function")) {
                Fn f = new Fn();
                f.startTok = i;
                f.async = prev != null && prev.is("async");
                f.asyncAt = t.start();
                int j = i + 1;
                if (j < toks.size() && toks.get(j).is("*")) {
                    f.convertible = false;
                    j++;
                }
                if (j < toks.size() && toks.get(j).kind() == Kind.IDENT) f.name = toks.get(j++).text();
                else f.name = boundName(toks, i);
                if (j >= toks.size() || !toks.get(j).is("(") || match[j] < 0) continue;
                int body = match[j] + 1;
                if (body >= toks.size() || !toks.get(body).is("{")) continue;
                f.from = body;
                f.to = match[body];
                out.add(f);
            } else if (t.is("=>") && prev != null) {
                Fn f = new Fn();
                int start = prev.is(")") && match[i - 1] >= 0 ? match[i - 1] : i - 1;
                f.startTok = start;
                f.async = start > 0 && toks.get(start - 1).is("async");
                f.asyncAt = toks.get(start).start();
                f.name = boundName(toks, start);
                if (i + 1 < toks.size() && toks.get(i + 1).is("{")) {
                    f.from = i + 1;
                    f.to = match[i + 1];
                } else {
                    f.from = i + 1;
                    f.to = expressionEnd(src, toks, match, i + 1);
                }
                out.add(f);
            } else if (t.kind() == Kind.IDENT && !NOT_METHODS.contains(t.text()) && i + 1 < toks.size() && toks.get(i + 1).is("(")
                    && match[i + 1] >= 0 && match[i + 1] + 1 < toks.size() && toks.get(match[i + 1] + 1).is("{")
                    && (prev == null || prev.is("{") || prev.is(",") || prev.is(";") || prev.is("}") || prev.is("async")
                    || prev.is("static") || prev.is("get") || prev.is("set") || prev.is("*"))) {
                Fn f = new Fn();
                f.startTok = i;
                f.method = true;
                f.name = t.text();
                f.async = prev != null && prev.is("async");
                f.convertible = prev == null || !(prev.is("get") || prev.is("set") || prev.is("*"));
                f.asyncAt = t.start();
                f.from = match[i + 1] + 1;
                f.to = match[f.from];
                if (f.to < 0) continue;
                out.add(f);
            }
        }
        return out;
    }

    /** {@code const name = <fn>} or {@code name: <fn>}: the name the function at token {@code s} is bound to. */
    private static String boundName(List<Tok> toks, int s) {
        if (s >= 2 && (toks.get(s - 1).is("=") || toks.get(s - 1).is(":")) && toks.get(s - 2).kind() == Kind.IDENT) {
            return toks.get(s - 2).text();
        }
        return null;
    }

    /**
     * True when token {@code i} is the first of its line and the token before can end an expression: JavaScript
     * inserted a semicolon between them, which a '(' put in front of token {@code i} would take away.
     */
    private static boolean startsStatement(String src, List<Tok> toks, int[] match, int i) {
        if (i == 0) return false;
        Tok prev = toks.get(i - 1);
        if (prev.is("else") || prev.is("do")) return false; // the call is that branch's statement
        if (prev.is(")") && match[i - 1] > 0 && Set.of("if", "while", "for", "with").contains(toks.get(match[i - 1] - 1).text())) return false;
        if (prev.is(";") || prev.is("{") || CONTINUES.contains(prev.text()) && !prev.is(")") && !prev.is("]")) return false;
        if (prev.kind() == Kind.IDENT && CONTINUES.contains(prev.text())) return false;
        return src.substring(prev.end(), toks.get(i).start()).indexOf('\n') >= 0;
    }

    /** Tokens that cannot end an expression: after one, a line break does not end the arrow's body. */
    private static final Set<String> CONTINUES = Set.of("=>", ".", "?.", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":",
            "=", "<", ">", "(", "[", "{", ",", "...", "typeof", "new", "await", "void", "delete", "in", "instanceof");

    /**
     * The last token of an arrow function's expression body starting at {@code from}: up to a comma, a semicolon
     * or a closing bracket, or a line break where JavaScript would insert a semicolon (the next line starts with a
     * name or a literal after a token that can end an expression).
     */
    private static int expressionEnd(String src, List<Tok> toks, int[] match, int from) {
        int i = from;
        int last = from;
        while (i < toks.size()) {
            Tok t = toks.get(i);
            if (t.is(",") || t.is(";") || t.is(")") || t.is("]") || t.is("}")) break;
            if (i > from && t.kind() != Kind.PUNCT && !CONTINUES.contains(toks.get(i - 1).text())
                    && src.substring(toks.get(i - 1).end(), t.start()).indexOf('\n') >= 0
                    && !(t.kind() == Kind.IDENT && CONTINUES.contains(t.text()))) {
                break;
            }
            if ((t.is("(") || t.is("[") || t.is("{")) && match[i] >= 0) i = match[i];
            last = i;
            i++;
        }
        return last;
    }
}
