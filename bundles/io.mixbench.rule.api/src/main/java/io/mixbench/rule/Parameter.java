package io.mixbench.rule;

import java.util.Objects;

/**
 * A parameter a rule declares: rule sets may set it within {@code [min, max]}; without a setting the rule
 * gets {@code defaultValue}.
 *
 * @param id stable id within the rule, e.g. {@code "maxPeak"}
 * @param title short human name
 * @param unit unit of the value (see {@code io.mixbench.meter.Units})
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param defaultValue the value without a rule-set setting
 */
public record Parameter(String id, String title, String unit, double min, double max, double defaultValue) {

    public Parameter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(
                    "parameter " + id + ": default " + defaultValue + " is outside [" + min + ", " + max + "]");
        }
    }

    public boolean allows(double value) {
        return value >= min && value <= max;
    }
}
