package dev.salvo.dsl.cli;

import dev.salvo.engine.config.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Reads {@code -t 30s} style durations; picocli names the flag when this throws. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (d.isZero() || d.isNegative()) throw new TypeConversionException("'" + value + "' must be longer than 0s");
        return d;
    }
}
