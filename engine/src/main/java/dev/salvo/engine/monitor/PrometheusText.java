package dev.salvo.engine.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Prometheus text exposition format (version 0.0.4) strictly, reporting the first
 * malformed line by number. The grammar, as the format's specification gives it:
 * <pre>
 * line      ::= ws* ( comment | sample )? ws*
 * comment   ::= "#" ws+ "HELP" ws+ name ( ws+ docstring )?     (docstring escapes: \\ and \n)
 *             | "#" ws+ "TYPE" ws+ name ws+ type              (counter gauge histogram summary untyped)
 *             | "#" anything                                   (any other comment is ignored)
 * sample    ::= name ws* ( "{" ws* ( label ( ws* "," ws* label )* ws* ","? )? ws* "}" )? ws* value ( ws+ timestamp )?
 *               (blanks separate tokens that would otherwise merge: name and value)
 * name      ::= [a-zA-Z_:] [a-zA-Z0-9_:]*
 * label     ::= [a-zA-Z_] [a-zA-Z0-9_]* ws* "=" ws* '"' ( [^"\\\n] | "\\\\" | "\\\"" | "\\n" )* '"'
 * value     ::= a float, or NaN, +Inf, -Inf, Inf
 * timestamp ::= "-"? digits                                    (milliseconds since the epoch)
 * </pre>
 * A histogram's or summary's samples keep their own names ({@code x_bucket} with its {@code le}
 * label, {@code x_sum}, {@code x_count}); {@link Exposition#type} gives their family's type.
 */
public final class PrometheusText {
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final List<String> FAMILY_SUFFIXES = List.of("_bucket", "_sum", "_count", "_created");

    /** One sample line; {@code labels} in the order written. */
    public record Sample(String name, Map<String, String> labels, double value, Long timestampMillis, int line) {}

    /** Every sample of one scrape, and the {@code # TYPE} and {@code # HELP} of each family. */
    public record Exposition(List<Sample> samples, Map<String, String> types, Map<String, String> help) {
        /** The declared type of the family {@code sampleName} belongs to ({@code x_bucket} to histogram x), or untyped. */
        public String type(String sampleName) {
            String t = types.get(sampleName);
            if (t != null) return t;
            for (String suffix : FAMILY_SUFFIXES) {
                if (!sampleName.endsWith(suffix)) continue;
                String family = types.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if ("histogram".equals(family) || "summary".equals(family)) return family;
            }
            return "untyped";
        }
    }

    /** A line that does not follow the format. */
    public static final class FormatException extends Exception {
        private final int line;

        FormatException(int line, String reason) {
            super("line " + line + ": " + reason);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final String s;
    private final int lineNo;
    private int at;

    private PrometheusText(String line, int lineNo) {
        this.s = line;
        this.lineNo = lineNo;
    }

    public static Exposition parse(String text) throws FormatException {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            PrometheusText p = new PrometheusText(line, i + 1);
            p.skipWs();
            if (p.at == line.length()) continue;
            if (line.charAt(p.at) == '#') p.comment(types, help);
            else samples.add(p.sample());
        }
        return new Exposition(List.copyOf(samples), Collections.unmodifiableMap(types), Collections.unmodifiableMap(help));
    }

    /**
     * A selector such as {@code jvm_memory_used_bytes{area="heap"}}: a sample name and the labels a
     * sample must have (with these values) to match.
     */
    public record Selector(String name, Map<String, String> labels) {
        public static Selector parse(String text) throws FormatException {
            PrometheusText p = new PrometheusText(text.strip(), 1);
            String name = p.name();
            Map<String, String> labels = p.at < p.s.length() && p.s.charAt(p.at) == '{' ? p.labels() : Map.of();
            if (p.at < p.s.length()) throw p.error("unexpected '" + p.s.substring(p.at) + "' after the selector");
            return new Selector(name, labels);
        }

        /** The selector as written in the exposition format. */
        public String toText() {
            if (labels.isEmpty()) return name;
            StringBuilder b = new StringBuilder(name).append('{');
            labels.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ",").append(k).append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"'));
            return b.append('}').toString();
        }

        public boolean matches(Sample sample) {
            if (!sample.name().equals(name)) return false;
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (!e.getValue().equals(sample.labels().get(e.getKey()))) return false;
            }
            return true;
        }
    }

    private void comment(Map<String, String> types, Map<String, String> help) throws FormatException {
        at++;
        int afterHash = at;
        skipWs();
        if (at == afterHash) return; // "#foo": a plain comment
        String keyword = word();
        if (!keyword.equals("HELP") && !keyword.equals("TYPE")) return;
        requireWs("a metric name after # " + keyword);
        String name = name();
        if (keyword.equals("TYPE")) {
            requireWs("a type after # TYPE " + name);
            String type = word();
            skipWs();
            if (!TYPES.contains(type) || at < s.length()) {
                throw error("unknown type '" + s.substring(at - type.length()).strip() + "' (counter, gauge, histogram, summary, untyped)");
            }
            if (types.put(name, type) != null) throw error("a second # TYPE for " + name);
            return;
        }
        skipWs();
        help.put(name, unescape(s.substring(at)));
    }

    private Sample sample() throws FormatException {
        String name = name();
        int afterName = at;
        skipWs();
        Map<String, String> labels = Map.of();
        if (at < s.length() && s.charAt(at) == '{') {
            labels = labels();
            skipWs();
        } else if (at == afterName && at < s.length()) {
            throw error("unexpected '" + s.charAt(at) + "' in the metric name " + name + s.charAt(at));
        }
        String value = word();
        if (value.isEmpty()) throw error("expected a value after " + name);
        double v = value(value);
        Long timestamp = null;
        skipWs();
        if (at < s.length()) {
            String t = word();
            if (!t.matches("-?\\d{1,19}")) throw error("expected a timestamp in milliseconds, not '" + t + "'");
            timestamp = Long.parseLong(t);
            skipWs();
            if (at < s.length()) throw error("unexpected '" + s.substring(at) + "' after the timestamp");
        }
        return new Sample(name, labels, v, timestamp, lineNo);
    }

    private Map<String, String> labels() throws FormatException {
        int open = at++;
        Map<String, String> labels = new LinkedHashMap<>();
        skipWs();
        while (at < s.length() && s.charAt(at) != '}') {
            int nameAt = at;
            while (at < s.length() && isNameChar(s.charAt(at), at == nameAt, false)) at++;
            String label = s.substring(nameAt, at);
            if (label.isEmpty()) throw error("expected a label name at column " + (nameAt + 1));
            skipWs();
            if (at >= s.length() || s.charAt(at) != '=') throw error("expected '=' after label " + label);
            at++;
            skipWs();
            if (at >= s.length() || s.charAt(at) != '"') throw error("expected '\"' to open the value of label " + label);
            String value = quoted();
            if (labels.put(label, value) != null) throw error("label " + label + " appears twice");
            skipWs();
            if (at < s.length() && s.charAt(at) == ',') {
                at++;
                skipWs();
            } else if (at < s.length() && s.charAt(at) != '}') {
                throw error("expected ',' or '}' after label " + label);
            }
        }
        if (at >= s.length()) throw error("expected '}' to close the '{' at column " + (open + 1));
        at++;
        return Collections.unmodifiableMap(labels);
    }

    /** A quoted label value from the opening quote at {@code at}; escapes \\, \" and \n. */
    private String quoted() throws FormatException {
        int open = at++;
        StringBuilder b = new StringBuilder();
        while (at < s.length()) {
            char c = s.charAt(at++);
            if (c == '"') return b.toString();
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (at >= s.length()) break;
            char e = s.charAt(at++);
            switch (e) {
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case 'n' -> b.append('\n');
                default -> throw error("invalid escape \\" + e + " in a label value (only \\\\, \\\" and \\n)");
            }
        }
        throw error("unclosed '\"' opened at column " + (open + 1));
    }

    private static String unescape(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == 'n')) {
                b.append(text.charAt(++i) == 'n' ? '\n' : '\\');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private double value(String text) throws FormatException {
        switch (text) {
            case "NaN": return Double.NaN;
            case "+Inf", "Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) throw error("'" + text + "' is not a number");
        return Double.parseDouble(text);
    }

    private String name() throws FormatException {
        int start = at;
        while (at < s.length() && isNameChar(s.charAt(at), at == start, true)) at++;
        if (at == start) throw error("expected a metric name at column " + (start + 1));
        return s.substring(start, at);
    }

    private String word() {
        int start = at;
        while (at < s.length() && s.charAt(at) != ' ' && s.charAt(at) != '\t') at++;
        return s.substring(start, at);
    }

    private void requireWs(String expected) throws FormatException {
        int start = at;
        skipWs();
        if (at == start || at >= s.length()) throw error("expected " + expected);
    }

    private void skipWs() {
        while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) at++;
    }

    private FormatException error(String reason) {
        return new FormatException(lineNo, reason);
    }

    private static boolean isNameChar(char c, boolean first, boolean colon) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || colon && c == ':' || !first && c >= '0' && c <= '9';
    }
}
