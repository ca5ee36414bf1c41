package dev.salvo.dsl.cli;

import dev.salvo.engine.compare.CompareOptions;
import picocli.CommandLine;

/** {@code 20%} or {@code 20} → 0.2. */
final class PercentConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        try {
            return CompareOptions.parsePercent(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
