package dev.salvo.dsl.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JavaScript source as tokens, enough for {@link K6Source}'s rewrite: names, punctuation, strings, template
 * literals and regular expressions (told from division by the token before), comments skipped, and the
 * matching bracket of every bracket.
 */
final class JsTokens {
    /** Keywords after which a '/' starts a regular expression, not a division. */
    static final Set<String> REGEX_AFTER = Set.of("return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
            "throw", "case", "do", "else", "yield", "await");

    private JsTokens() {}

    enum Kind { IDENT, PUNCT, STRING, TEMPLATE, NUMBER, REGEX }

    /** One token: its kind, its [start, end) in the source and its text. */
    record Tok(Kind kind, int start, int end, String text) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
        }
    }

    /** For every bracket token, the index of its matching one (-1 when unmatched or not a bracket). */
    static int[] matchBrackets(List<Tok> toks) {
        int[] match = new int[toks.size()];
        java.util.Arrays.fill(match, -1);
        int[] stack = new int[toks.size() + 1];
        int sp = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.kind != Kind.PUNCT) continue;
            switch (t.text) {
                case "(", "[", "{" -> stack[sp++] = i;
                case ")", "]", "}" -> {
                    if (sp > 0) {
                        int open = stack[--sp];
                        match[open] = i;
                        match[i] = open;
                    }
                }
                default -> { }
            }
        }
        return match;
    }

    static List<Tok> tokenize(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
                j = Math.min(j + 1, n);
                out.add(new Tok(Kind.STRING, i, j, s.substring(i, j)));
                i = j;
            } else if (c == '`') {
                int j = templateEnd(s, i + 1);
                out.add(new Tok(Kind.TEMPLATE, i, j, s.substring(i, j)));
                i = j;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) j++;
                out.add(new Tok(Kind.IDENT, i, j, s.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) j++;
                out.add(new Tok(Kind.NUMBER, i, j, s.substring(i, j)));
                i = j;
            } else if (c == '/' && regexAllowed(out)) {
                int j = i + 1;
                boolean inClass = false;
                while (j < n && s.charAt(j) != '\n') {
                    char d = s.charAt(j);
                    if (d == '\\') j++;
                    else if (d == '[') inClass = true;
                    else if (d == ']') inClass = false;
                    else if (d == '/' && !inClass) break;
                    j++;
                }
                j = Math.min(j + 1, n);
                while (j < n && Character.isLetter(s.charAt(j))) j++;
                out.add(new Tok(Kind.REGEX, i, j, s.substring(i, j)));
                i = j;
            } else {
                String p = s.startsWith("=>", i) ? "=>" : s.startsWith("...", i) ? "..." : s.startsWith("?.", i)
                        && !(i + 2 < n && Character.isDigit(s.charAt(i + 2))) ? "?." : String.valueOf(c);
                out.add(new Tok(Kind.PUNCT, i, i + p.length(), p));
                i += p.length();
            }
        }
        return out;
    }

    private static boolean regexAllowed(List<Tok> out) {
        if (out.isEmpty()) return true;
        Tok t = out.get(out.size() - 1);
        if (t.kind == Kind.IDENT) return REGEX_AFTER.contains(t.text);
        if (t.kind == Kind.PUNCT) return !(t.text.equals(")") || t.text.equals("]") || t.text.equals("}"));
        return false;
    }

    /** The end of a template literal whose text starts at {@code i}, skipping {@code ${...}} with nested braces and strings. */
    private static int templateEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                return i + 1;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    char d = s.charAt(i);
                    if (d == '{') depth++;
                    else if (d == '}') depth--;
                    else if (d == '`') {
                        i = templateEnd(s, i + 1) - 1;
                    } else if (d == '\'' || d == '"') {
                        int j = i + 1;
                        while (j < n && s.charAt(j) != d) j += s.charAt(j) == '\\' ? 2 : 1;
                        i = j;
                    }
                    i++;
                }
            } else {
                i++;
            }
        }
        return n;
    }
}
