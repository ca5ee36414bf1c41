package dev.salvo.engine.thresholds;

import dev.salvo.engine.config.Durations;
import dev.salvo.engine.config.Suggest;
import java.util.List;
import java.util.Map;

/**
 * Parses one k6 threshold expression in Java (never as JS), so a malformed one is an error with a
 * column instead of a threshold that silently passes. The grammar:
 * <pre>
 * condition   ::= ws* aggregation ws* operator ws* number unit? ws*
 * aggregation ::= "avg" | "min" | "max" | "med" | "count" | "rate" | "value"
 *               | "growth" | "slope"                    (gauges: % against the start; change per minute)
 *               | "p(" ws* number ws* ")"               (0 &lt;= number &lt;= 100)
 *               | "rate(" ws* duration ws* ")"          (counters: per that period, e.g. rate(1h); duration &gt; 0
 *                                                        with a unit: 1h, 30m, 1m30s, 10s, 500ms)
 * unit        ::= "%"                                   (after growth only)
 *               | "B" | "kB" | "KB" | "MB" | "GB" | "KiB" | "MiB" | "GiB"   (after value and slope only;
 *                                                        k, M, G are powers of 1000, Ki, Mi, Gi of 1024)
 * operator    ::= "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "===" | "!="   ("===" is k6's alias of "==")
 * number      ::= sign? ( digits ( "." digits? )? | "." digits ) ( ( "e" | "E" ) sign? digits )?
 * sign        ::= "+" | "-"
 * digits      ::= ( "0" | "1" | ... | "9" )+
 * ws          ::= " " | "\t"
 * </pre>
 */
public final class ConditionParser {
    private static final String AGGREGATIONS = "avg, min, max, med, p(N), count, rate, rate(1h), value, growth, slope";
    private static final String OPERATORS = "<, <=, >, >=, ==, !=";
    private static final Map<String, Double> BYTES = Map.of("B", 1.0, "kB", 1e3, "KB", 1e3, "MB", 1e6, "GB", 1e9,
            "KiB", 1024.0, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024);
    private static final List<String> WORDS = List.of("avg", "min", "max", "med", "count", "rate", "value",
            "growth", "slope", "p(95)");

    private final String s;
    private int at;

    private ConditionParser(String text) {
        this.s = text;
    }

    public static Condition parse(String text) throws ThresholdSyntaxException {
        return new ConditionParser(text).condition();
    }

    private Condition condition() throws ThresholdSyntaxException {
        skipWs();
        Aggregation aggregation = aggregation();
        double percentile = Double.NaN;
        if (aggregation == Aggregation.PERCENTILE) percentile = percentileArgument();
        String per = null;
        double perSeconds = Double.NaN;
        if (aggregation == Aggregation.RATE && at < s.length() && s.charAt(at) == '(') {
            per = periodArgument();
            perSeconds = Durations.parse(per).toNanos() / 1e9;
        }
        skipWs();
        Operator operator = operator();
        skipWs();
        int numberAt = at;
        double limit = number("expected a number");
        String written = s.substring(numberAt, at);
        limit *= unit(aggregation);
        skipWs();
        if (at < s.length()) throw trailing(written);
        return new Condition(aggregation, percentile, operator, limit, s, per, perSeconds);
    }

    /** The factor of a unit written after the number, where the aggregation takes one; 1 when there is none. */
    private double unit(Aggregation aggregation) throws ThresholdSyntaxException {
        int start = at;
        while (at < s.length() && (Character.isLetter(s.charAt(at)) || s.charAt(at) == '%')) at++;
        String unit = s.substring(start, at);
        if (unit.isEmpty()) return 1;
        if (aggregation == Aggregation.GROWTH && unit.equals("%")) return 1;
        Double bytes = BYTES.get(unit);
        if (bytes != null && (aggregation == Aggregation.SLOPE || aggregation == Aggregation.VALUE)) return bytes;
        at = start; // not a unit here: reported as trailing text, with its hint
        return 1;
    }

    /** Scans {@code (duration)} after rate; the duration needs a unit and must be above zero. */
    private String periodArgument() throws ThresholdSyntaxException {
        at++;
        skipWs();
        int start = at;
        while (at < s.length() && s.charAt(at) != ')' && s.charAt(at) != ' ' && s.charAt(at) != '\t') at++;
        String per = s.substring(start, at);
        String hint = "write rate(1h), rate(1m) or rate(10s)";
        if (!per.matches("(\\d+(\\.\\d+)?(ms|s|m|h))+")) {
            throw new ThresholdSyntaxException("expected a duration with a unit in rate(...)", start + 1, hint);
        }
        if (Durations.parse(per).isZero()) throw new ThresholdSyntaxException("the period of rate(...) must be above 0", start + 1, hint);
        skipWs();
        if (at >= s.length() || s.charAt(at) != ')') throw new ThresholdSyntaxException("expected ')'", at + 1, null);
        at++;
        return per;
    }

    private Aggregation aggregation() throws ThresholdSyntaxException {
        int start = at;
        while (at < s.length() && isWordChar(s.charAt(at))) at++;
        String word = s.substring(start, at);
        switch (word) {
            case "avg": return Aggregation.AVG;
            case "min": return Aggregation.MIN;
            case "max": return Aggregation.MAX;
            case "med": return Aggregation.MED;
            case "count": return Aggregation.COUNT;
            case "rate": return Aggregation.RATE;
            case "value": return Aggregation.VALUE;
            case "growth": return Aggregation.GROWTH;
            case "slope": return Aggregation.SLOPE;
            case "p": return Aggregation.PERCENTILE;
            default: break;
        }
        String hint = null;
        if (word.matches("[pP]\\d+")) {
            int end = at;
            if (end < s.length() && s.charAt(end) == '.') {
                end++;
                while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
            }
            hint = "write p(" + s.substring(start + 1, end) + "), not " + s.substring(start, end);
        } else if (!word.isEmpty()) {
            String near = Suggest.closest(word, WORDS);
            hint = near == null ? "'" + word + "' is not one of them" : "did you mean " + near + "?";
        }
        throw new ThresholdSyntaxException("expected an aggregation (" + AGGREGATIONS + ")", start + 1, hint);
    }

    private double percentileArgument() throws ThresholdSyntaxException {
        if (at >= s.length() || s.charAt(at) != '(') {
            throw new ThresholdSyntaxException("expected '(' after p", at + 1, "a percentile is written p(95)");
        }
        at++;
        skipWs();
        int start = at;
        double p = number("expected a percentile between 0 and 100");
        if (!(p >= 0 && p <= 100)) throw new ThresholdSyntaxException("percentile must be between 0 and 100", start + 1, null);
        skipWs();
        if (at >= s.length() || s.charAt(at) != ')') throw new ThresholdSyntaxException("expected ')'", at + 1, null);
        at++;
        return p;
    }

    private Operator operator() throws ThresholdSyntaxException {
        int start = at;
        if (s.startsWith("===", at)) return op(3, Operator.EQ);
        if (s.startsWith("==", at)) return op(2, Operator.EQ);
        if (s.startsWith("!=", at)) return op(2, Operator.NE);
        if (s.startsWith("<>", at)) throw unknownOperator(start, "<>", "write != for 'not equal'");
        if (s.startsWith("<=", at)) return op(2, Operator.LE);
        if (s.startsWith(">=", at)) return op(2, Operator.GE);
        if (s.startsWith("<", at)) return op(1, Operator.LT);
        if (s.startsWith(">", at)) return op(1, Operator.GT);
        if (s.startsWith("=>", at)) throw unknownOperator(start, "=>", "did you mean >=?");
        if (s.startsWith("=<", at)) throw unknownOperator(start, "=<", "did you mean <=?");
        if (s.startsWith("=", at)) throw unknownOperator(start, "=", "write == to compare for equality");
        if (s.startsWith("!", at)) throw unknownOperator(start, "!", "write != for 'not equal'");
        throw new ThresholdSyntaxException("expected an operator (" + OPERATORS + ")", start + 1, null);
    }

    private Operator op(int length, Operator operator) {
        at += length;
        return operator;
    }

    private static ThresholdSyntaxException unknownOperator(int start, String written, String hint) {
        return new ThresholdSyntaxException("unknown operator '" + written + "', expected one of " + OPERATORS,
                start + 1, hint);
    }

    /** Scans {@code number} of the grammar; Double.parseDouble would also take "NaN", "0x1p3" and "1d". */
    private double number(String expected) throws ThresholdSyntaxException {
        int start = at;
        int i = at;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int intDigits = digits(i);
        i += intDigits;
        int fracDigits = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            fracDigits = digits(i + 1);
            if (intDigits > 0 || fracDigits > 0) i += 1 + fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) throw new ThresholdSyntaxException(expected, start + 1, null);
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            int expDigits = digits(j);
            if (expDigits == 0) throw new ThresholdSyntaxException("expected the exponent's digits", j + 1, null);
            i = j + expDigits;
        }
        double v = Double.parseDouble(s.substring(start, i));
        if (Double.isInfinite(v)) throw new ThresholdSyntaxException("number is too large", start + 1, null);
        at = i;
        return v;
    }

    private int digits(int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i - from;
    }

    private ThresholdSyntaxException trailing(String number) {
        String rest = s.substring(at).strip();
        String hint = null;
        if (rest.startsWith("%")) {
            hint = "write a rate as a fraction: 0.01, not 1% (only growth takes %)";
        } else if (rest.matches("(B|kB|KB|MB|GB|KiB|MiB|GiB)\\b.*")) {
            hint = "byte units go after value and slope only";
        } else if (rest.matches("(ms|s|m|h|us|µs|ns)\\b.*")) {
            hint = "thresholds compare plain numbers in the metric's unit (ms for times): write "
                    + number + ", not " + number + rest;
        }
        return new ThresholdSyntaxException("unexpected '" + rest + "' after the number", at + 1, hint);
    }

    private void skipWs() {
        while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) at++;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
