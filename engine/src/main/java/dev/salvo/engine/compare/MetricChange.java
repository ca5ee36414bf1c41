package dev.salvo.engine.compare;

/**
 * One measure of one request, baseline against current. {@code change} is relative
 * ({@code 0.25} = +25 %), {@code NaN} when the baseline is 0 and the current is not.
 */
public record MetricChange(Measure measure, double baseline, double current, double change, Status status) {

    /** What is compared; {@code higherIsWorse} decides whether a rise is a regression. */
    public enum Measure {
        P50("p50", "ms", true), P95("p95", "ms", true), P99("p99", "ms", true),
        ERROR_RATE("error rate", "%", true), THROUGHPUT("throughput", "req/s", false);

        public final String label;
        public final String unit;
        public final boolean higherIsWorse;

        Measure(String label, String unit, boolean higherIsWorse) {
            this.label = label;
            this.unit = unit;
            this.higherIsWorse = higherIsWorse;
        }

        public boolean latency() {
            return unit.equals("ms");
        }
    }

    public enum Status { REGRESSION, IMPROVEMENT, UNCHANGED }

    static MetricChange of(Measure m, double baseline, double current, CompareOptions o) {
        double change = baseline == 0 ? (current == 0 ? 0 : Double.NaN) : (current - baseline) / baseline;
        double worse = m.higherIsWorse ? current - baseline : baseline - current;
        double floor = m.latency() ? o.minLatencyChangeMs() : m == Measure.ERROR_RATE ? o.minErrorRateChange() : 0;
        boolean beyond = Double.isNaN(change) || Math.abs(change) > o.maxRegression();
        Status s = Status.UNCHANGED;
        if (beyond && Math.abs(worse) > floor) s = worse > 0 ? Status.REGRESSION : Status.IMPROVEMENT;
        return new MetricChange(m, baseline, current, change, s);
    }
}
