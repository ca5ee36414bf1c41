package dev.salvo.engine.plan;

/** The script's options for its HTTP client: k6's {@code noCookiesReset}, {@code batch} and {@code batchPerHost}. */
public record HttpOptions(boolean noCookiesReset, int batch, int batchPerHost) {
    public static final HttpOptions DEFAULTS = new HttpOptions(false, 20, 6);

    static HttpOptions read(ConfigReader o) {
        return new HttpOptions(o.bool("noCookiesReset", false), o.positiveInt("batch", DEFAULTS.batch()),
                o.positiveInt("batchPerHost", DEFAULTS.batchPerHost()));
    }
}
