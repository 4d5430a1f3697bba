package org.saepj.pruning;

/**
 * A numeric parameter of a pruning criterion, as its provider declares it.
 *
 * @param name the name used on the command line ({@code --param NAME=VALUE}) and in reports
 * @param defaultValue the value when none is given
 * @param min the smallest accepted value
 * @param max the largest accepted value
 * @param description what it does, for help
 */
public record CriterionParameter(String name, double defaultValue, double min, double max, String description) {
    /**
     * @param value a proposed value
     * @return the value
     * @throws IllegalArgumentException naming the parameter and its range
     */
    public double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + format(min) + ", " + format(max) + "], got " + format(value));
        }
        return value;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
