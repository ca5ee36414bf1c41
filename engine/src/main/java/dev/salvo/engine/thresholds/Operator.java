package dev.salvo.engine.thresholds;

/** A comparison between the observed aggregate and the threshold's limit; NaN never passes. */
public enum Operator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double observed, double limit) {
        if (Double.isNaN(observed) || Double.isNaN(limit)) return false;
        return switch (this) {
            case LT -> observed < limit;
            case LE -> observed <= limit;
            case GT -> observed > limit;
            case GE -> observed >= limit;
            case EQ -> observed == limit;
            case NE -> observed != limit;
        };
    }
}
