package org.saepj.data;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from a label column what is to be learnt: classes, or a number (regression). A column of numbers is a
 * regression target when any value is not whole ({@code 2.5}; {@code 1.0} is whole), or when its whole numbers take
 * more than {@value #MAX_CLASS_VALUES} distinct values that are also more than 5% of the rows (ages, prices in whole
 * units); anything else — text, or few whole numbers — is classes. The user's {@code --task} overrides the rule.
 * The decision comes with its reason in words, for the first line of a search.
 */
public final class TargetAnalysis {
    /** Whole-number labels with more distinct values than this (and more than 5% of the rows) are a quantity. */
    public static final int MAX_CLASS_VALUES = 20;
    /** The share of rows that distinct whole-number values must pass as well, so large files keep many classes. */
    public static final double DISTINCT_SHARE = 0.05;

    private TargetAnalysis() {}

    /** What is to be learnt. */
    public enum Task {
        /** A class per label value. */
        CLASSIFICATION,
        /** A number per row. */
        REGRESSION;

        /** @return the name in options: "classification", "regression" */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param id a name as typed
         * @return the task of that name (any case)
         */
        public static Optional<Task> of(String id) {
            for (Task t : values()) {
                if (t.id().equalsIgnoreCase(id.trim())) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param task what is to be learnt
     * @param reason why, for people: "label species: 3 distinct text values → classification"
     */
    public record Decision(Task task, String reason) {}

    /**
     * @param label the label column's name (or "column N")
     * @param values the labels as written, gaps left out
     * @param override the task the user fixed, if any
     * @return the decision and its reason
     */
    public static Decision decide(String label, List<String> values, Optional<Task> override) {
        Set<BigDecimal> numbers = new HashSet<>();
        Set<String> text = new HashSet<>();
        boolean fractions = false;
        for (String v : values) {
            Optional<BigDecimal> n = StrictNumbers.isNumber(v) ? Optional.of(new BigDecimal(v)) : Optional.empty();
            if (n.isEmpty()) {
                text.add(v);
                continue;
            }
            BigDecimal value = n.get().stripTrailingZeros();
            numbers.add(value);
            fractions |= value.scale() > 0;
        }
        String what = "label " + label + ": ";
        if (override.isPresent()) {
            int distinct = numbers.size() + text.size();
            return new Decision(
                    override.get(),
                    what + distinct + " distinct values → " + override.get().id() + " (--task "
                            + override.get().id() + ")");
        }
        if (!text.isEmpty() || numbers.isEmpty()) {
            int distinct = numbers.size() + text.size();
            String kind = numbers.isEmpty() ? "text" : "mixed";
            return new Decision(
                    Task.CLASSIFICATION, what + distinct + " distinct " + kind + " values → classification");
        }
        if (fractions) {
            return new Decision(
                    Task.REGRESSION, what + numbers.size() + " distinct decimal values → a regression target");
        }
        if (numbers.size() > MAX_CLASS_VALUES && numbers.size() > DISTINCT_SHARE * values.size()) {
            return new Decision(
                    Task.REGRESSION,
                    what + numbers.size() + " distinct whole numbers in " + values.size() + " rows (more than "
                            + MAX_CLASS_VALUES + " and more than 5% of the rows) → a regression target");
        }
        return new Decision(Task.CLASSIFICATION, what + numbers.size() + " distinct whole numbers → classification");
    }
}
