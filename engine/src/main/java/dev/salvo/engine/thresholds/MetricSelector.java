package dev.salvo.engine.thresholds;

import dev.salvo.engine.metrics.Tags;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of a threshold: a metric name, optionally narrowed to a k6 sub-metric by tags, as in
 * {@code http_req_duration{name:list items,method:GET}}; {@code tags} is sorted and empty for the whole metric.
 * <pre>
 * selector ::= name ( "{" tag ( "," tag )* "}" )?
 * name     ::= [a-zA-Z_] [a-zA-Z0-9_]{0,127}            (k6's portable metric names)
 * tag      ::= ws* key ws* ":" ws* value ws*
 * key      ::= quoted | [^,:{}"']+                       (trimmed, not empty)
 * value    ::= quoted | [^,}"'] [^,}]*                   (trimmed; may hold spaces and ':')
 * quoted   ::= '"' [^"]* '"' | "'" [^']* "'"             (may hold ',', ':' and '}')
 * </pre>
 */
public record MetricSelector(String metric, Map<String, String> tags, String text) {
    private static final int MAX_NAME = 128;

    public MetricSelector {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public static MetricSelector parse(String text) throws ThresholdSyntaxException {
        int at = 0;
        int n = text.length();
        while (at < n && isNameChar(text.charAt(at))) at++;
        String name = text.substring(0, at);
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            throw new ThresholdSyntaxException("expected a metric name (a letter or _ first)", 1, null);
        }
        if (name.length() > MAX_NAME) {
            throw new ThresholdSyntaxException("a metric name has at most " + MAX_NAME + " characters", MAX_NAME + 1, null);
        }
        if (at == n) return new MetricSelector(name, Map.of(), text);
        if (text.charAt(at) != '{') {
            throw new ThresholdSyntaxException("'" + text.charAt(at) + "' cannot appear in a metric name", at + 1,
                    "names hold letters, digits and _ only (k6's rule ^[a-zA-Z_][a-zA-Z0-9_]{0,127}$)");
        }
        int open = at++;
        Map<String, String> tags = new TreeMap<>();
        while (true) {
            at = skipWs(text, at);
            int keyAt = at;
            String key;
            if (at < n && isQuote(text.charAt(at))) {
                at = quoted(text, at);
                key = text.substring(keyAt + 1, at - 1);
            } else {
                while (at < n && ",:{}\"'".indexOf(text.charAt(at)) < 0) at++;
                key = text.substring(keyAt, at).strip();
            }
            if (key.isEmpty()) throw new ThresholdSyntaxException("expected a tag name", keyAt + 1, null);
            at = skipWs(text, at);
            if (at >= n || text.charAt(at) != ':') {
                if (at >= n) throw unclosed(open, n);
                throw new ThresholdSyntaxException("expected ':' and a value after tag '" + key + "'", at + 1,
                        "a sub-metric is written metric{tag:value}");
            }
            at = skipWs(text, at + 1);
            int valueAt = at;
            String value;
            if (at < n && isQuote(text.charAt(at))) {
                int end = quoted(text, at);
                value = text.substring(valueAt + 1, end - 1);
                at = skipWs(text, end);
            } else {
                while (at < n && ",}\"'".indexOf(text.charAt(at)) < 0) at++;
                value = text.substring(valueAt, at).strip();
                if (value.isEmpty()) throw new ThresholdSyntaxException("expected a value for tag '" + key + "'", valueAt + 1, null);
            }
            if (tags.put(key, value) != null) throw new ThresholdSyntaxException("tag '" + key + "' appears twice", keyAt + 1, null);
            if (at >= n) throw unclosed(open, n);
            char c = text.charAt(at);
            if (c == '}') break;
            if (c != ',') throw new ThresholdSyntaxException("unexpected " + c + " in tag '" + key + "'", at + 1, "quote a value that holds quotes");
            at++;
        }
        if (at + 1 < n) {
            throw new ThresholdSyntaxException("unexpected '" + text.substring(at + 1) + "' after '}'", at + 2, null);
        }
        return new MetricSelector(name, tags, text);
    }

    /** Whether a series with these tags belongs to this selector: every selector tag is present with its value. */
    public boolean matches(Tags tags) {
        for (Map.Entry<String, String> e : this.tags.entrySet()) {
            if (!e.getValue().equals(tags.get(e.getKey()))) return false;
        }
        return true;
    }

    /** The index just past the closing quote of the quoted string at {@code at}. */
    private static int quoted(String text, int at) throws ThresholdSyntaxException {
        int close = text.indexOf(text.charAt(at), at + 1);
        if (close < 0) throw new ThresholdSyntaxException("unclosed " + text.charAt(at) + " opened", at + 1, null);
        return close + 1;
    }

    private static ThresholdSyntaxException unclosed(int open, int end) {
        return new ThresholdSyntaxException("expected '}' to close the '{' at column " + (open + 1), end + 1, null);
    }

    private static int skipWs(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) at++;
        return at;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
