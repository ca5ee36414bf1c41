package dev.salvo.dsl.script;

import dev.salvo.dsl.script.JsTokens.Kind;
import dev.salvo.dsl.script.JsTokens.Tok;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code salvo convert k6}: a k6 script as a native salvo script, once and for good. The same analysis as the
 * load-time rewrite ({@link K6Source}: {@code await} and {@code async} through the call graph), then the imports
 * moved to salvo's modules: {@code k6}'s check, fail, sleep and group to {@code salvo} (the same functions); the
 * other k6 modules, whose semantics salvo's own modules do not share (form bodies, header casing, k6's Response),
 * to salvo's compatibility modules {@code salvo/k6/...}. The text keeps the script's lines.
 */
public final class K6Convert {
    /** The names of {@code k6} that salvo's own module has with the same meaning. */
    private static final Set<String> NATIVE_K6 = Set.of("check", "fail", "sleep", "group");
    private static final Pattern GLOBALS = Pattern.compile("\\b(__ENV|__VU|__ITER|__k6each)\\b|(?<![.\\w$])open\\s*\\(");
    private static final Pattern EACH = Pattern.compile("__k6each\\(");

    /** The converted text, what the conversion could not prove right and what makes it impossible, each {@code line N: ...}. */
    public record Result(String text, List<String> warnings, List<String> errors) {}

    private K6Convert() {}

    public static Result convert(Path root, Path file, String src) {
        K6Source.Result k6 = K6Source.transformFile(root, file, src);
        if (!k6.errors().isEmpty()) return new Result(null, k6.warnings(), k6.errors());
        List<String> warnings = new ArrayList<>(k6.warnings());
        String text = k6.text();
        List<Tok> toks = JsTokens.tokenize(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        boolean compat = false;
        for (int i = 0; i < toks.size(); i++) {
            int m = K6Source.importedModule(toks, i);
            if (m < 0) continue;
            Tok spec = toks.get(m);
            String module = spec.text().substring(1, spec.text().length() - 1);
            String to = null;
            if (module.equals("k6")) {
                to = onlyNative(toks, i, m) ? "salvo" : "salvo/k6";
            } else if (module.startsWith("k6/")) {
                to = "salvo/" + module;
            } else if (module.startsWith("./") || module.startsWith("../")) {
                warnings.add(K6Source.line(text, spec.start()) + ": '" + module + "' is another module: it is not converted with this one; "
                        + "convert it too if it calls k6 (salvo convert k6 " + module + " -o " + module + ")");
            }
            if (to == null) continue;
            compat |= to.startsWith("salvo/k6");
            out.append(text, at, spec.start()).append('\'').append(to).append('\'');
            at = spec.end();
        }
        out.append(text, at, text.length());
        Matcher each = EACH.matcher(text);
        while (each.find()) {
            warnings.add(K6Source.line(text, each.start()) + ": an array callback that makes requests became async: the callbacks now run one "
                    + "after the other, awaited, through __k6each (salvo/k6/globals); check that the loop still means what it did");
        }
        String converted = out.toString();
        // k6's globals (__ENV, __VU, __ITER, open(), __k6each) come with every compatibility module; a script that
        // needs none of those modules gets them alone, on its first line so that no line moves.
        if (!compat && GLOBALS.matcher(converted).find()) converted = "import 'salvo/k6/globals'; " + converted;
        return new Result(converted, warnings, List.of());
    }

    /** True when the {@code import ... from 'k6'} at token {@code i} takes only named functions salvo has ({@code check}...). */
    private static boolean onlyNative(List<Tok> toks, int i, int end) {
        int open = -1;
        for (int k = i + 1; k < end; k++) {
            Tok t = toks.get(k);
            if (t.is("{")) {
                open = k;
                break;
            }
            if (t.kind() == Kind.IDENT || t.is("*")) return false; // a default or namespace import
        }
        if (open < 0) return false;
        for (int k = open + 1; k < end && !toks.get(k).is("}"); k++) {
            Tok t = toks.get(k);
            if (t.kind() != Kind.IDENT) continue;
            if (t.is("as")) {
                k++;
                continue;
            }
            if (!NATIVE_K6.contains(t.text())) return false;
        }
        return true;
    }
}
