package dev.salvo.dsl.cli;

import dev.salvo.engine.plan.Durations;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

import java.time.Duration;

/** Reads {@code -t 30s} style durations; picocli names the flag when this throws. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            // picocli shows a TypeConversionException's message as is; other exceptions with their class name.
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (d.isZero() || d.isNegative()) throw new CommandLine.TypeConversionException("'" + value + "' must be longer than 0s");
        return d;
    }
}
