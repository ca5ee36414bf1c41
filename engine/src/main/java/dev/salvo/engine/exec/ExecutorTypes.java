package dev.salvo.engine.exec;

import dev.salvo.engine.config.ConfigReader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;


/** Executor types by their k6 name. Adding an executor is one file plus one line here. */
public final class ExecutorTypes {
    private static final Map<String, Function<ConfigReader, Executor>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(ConstantVus.TYPE, ConstantVus::parse);
        TYPES.put(RampingVus.TYPE, RampingVus::parse);
        TYPES.put(PerVuIterations.TYPE, PerVuIterations::parse);
        TYPES.put(SharedIterations.TYPE, SharedIterations::parse);
        TYPES.put(ConstantArrivalRate.TYPE, ConstantArrivalRate::parse);
        TYPES.put(RampingArrivalRate.TYPE, RampingArrivalRate::parse);
    }

    private ExecutorTypes() {}

    public static Set<String> names() {
        return TYPES.keySet();
    }

    /** Parses a scenario's executor parameters; null (with a problem recorded) when the type is unknown. */
    public static Executor parse(String type, ConfigReader config) {
        Function<ConfigReader, Executor> parser = TYPES.get(type);
        if (parser == null) {
            config.problems().error(config.path("executor"), "unknown executor '" + type + "'; valid: " + String.join(", ", TYPES.keySet()));
            return null;
        }
        return parser.apply(config);
    }
}
