package org.saepj.pruning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The numbers behind a pruning decision, self-describing: named values (a number, a whole number, a flag, or
 * an array of either) in the order the criterion put them. Reports, the HTML page and {@code saep prune}
 * show them as they are, so a new criterion's numbers need no code anywhere else. Positions index the
 * ensemble before pruning; a detail named {@code …Position}, {@code …Positions} or {@code …Order} holds positions,
 * which displays show as the member ids they index ({@link #holdsPositions}).
 */
public final class DecisionDetails {
    private final Map<String, Object> values;

    private DecisionDetails(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** @return the details of a decision that considered nothing (keep-all, or fewer than three members) */
    public static DecisionDetails none() {
        return builder().put("considered", false).build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects named values in order. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder add(String name, Object value) {
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("decision detail " + name + " given twice");
            }
            return this;
        }

        /**
         * @param name the detail's name
         * @param value the number
         * @return this builder, with a number
         */
        public Builder put(String name, double value) {
            return add(name, value);
        }

        /**
         * @param name the detail's name
         * @param value the whole number
         * @return this builder, with a whole number
         */
        public Builder put(String name, int value) {
            return add(name, value);
        }

        /**
         * @param name the detail's name
         * @param value the flag
         * @return this builder, with a flag
         */
        public Builder put(String name, boolean value) {
            return add(name, value);
        }

        /**
         * @param name the detail's name
         * @param value the numbers
         * @return this builder, with numbers (copied)
         */
        public Builder put(String name, double[] value) {
            return add(name, value.clone());
        }

        /**
         * @param name the detail's name
         * @param value the whole numbers
         * @return this builder, with whole numbers (copied)
         */
        public Builder put(String name, int[] value) {
            return add(name, value.clone());
        }

        /** @return the details */
        public DecisionDetails build() {
            return new DecisionDetails(new LinkedHashMap<>(values));
        }
    }

    /** @return the values by name, in order: Double, Integer, Boolean, double[] or int[] */
    @JsonValue
    public Map<String, Object> values() {
        return values;
    }

    /**
     * @param name a detail's name
     * @return its value as a number, or NaN when absent or not a number
     */
    public double number(String name) {
        return values.get(name) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Reads the stored form: the map written by {@link #values}, or the typed form of checkpoints of formats 1
     * and 2 ({@code {"type": "entropy", "start": …}}), converted to the names the reports use.
     *
     * @param raw the JSON object
     * @return the details
     */
    @JsonCreator
    public static DecisionDetails fromJson(Map<String, Object> raw) {
        Map<String, Object> in = raw == null ? Map.of() : raw;
        if (in.get("type") instanceof String type) {
            return legacy(type, in);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, normalise(k, v)));
        return new DecisionDetails(out);
    }

    private static DecisionDetails legacy(String type, Map<String, Object> in) {
        Builder b = builder();
        switch (type) {
            case "random" -> b.put("draw", number(in, "draw")).put("removedPosition", (int) number(in, "picked"));
            case "accuracy" ->
                b.put("ensembleError", number(in, "error")).put("leaveOneOutErrors", (double[])
                        normalise("leaveOneOutErrors", in.get("leaveOneOutErrors")));
            case "entropy" ->
                b.put("alpha", number(in, "alpha"))
                        .put("startPosition", (int) number(in, "start"))
                        .put("keptOrder", ints(in.get("keptOrder")))
                        .put("greedyScores", doubles(in.get("scores")));
            case "none" -> b.put("considered", false);
            default -> throw new IllegalArgumentException("unknown pruning details type '" + type + "'");
        }
        return b.build();
    }

    private static double number(Map<String, Object> in, String name) {
        Object v = normalise(name, in.get(name));
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("pruning detail " + name + " must be a number");
    }

    /** JSON gives Integer, Double, String for non-finite numbers ("NaN"), Boolean and List: back to the kept types. */
    private static Object normalise(String name, Object v) {
        if (v == null) {
            return Double.NaN; // a number that did not exist, written null
        }
        if (v instanceof Integer || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && List.of("NaN", "Infinity", "-Infinity").contains(s)) {
            return Double.parseDouble(s);
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(e -> e instanceof Integer) ? ints(list) : doubles(list);
        }
        throw new IllegalArgumentException("pruning detail " + name + " must be a number, a flag or a list of numbers");
    }

    private static int[] ints(Object list) {
        if (!(list instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a list of whole numbers");
        }
        return l.stream()
                .mapToInt(e -> {
                    if (e instanceof Integer i) {
                        return i;
                    }
                    throw new IllegalArgumentException("expected a list of whole numbers");
                })
                .toArray();
    }

    private static double[] doubles(Object list) {
        if (!(list instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a list of numbers");
        }
        return l.stream()
                .mapToDouble(e -> {
                    Object n = normalise("list", e);
                    if (n instanceof Number x) {
                        return x.doubleValue();
                    }
                    throw new IllegalArgumentException("expected a list of numbers");
                })
                .toArray();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DecisionDetails d) || !d.values.keySet().equals(values.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!Arrays.deepEquals(new Object[] {e.getValue()}, new Object[] {d.values.get(e.getKey())})) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            h = 31 * h + e.getKey().hashCode() + Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }

    /**
     * @param name a detail's name
     * @return whether it holds positions in the ensemble before pruning: by convention, a whole number or whole
     *     numbers whose name ends in {@code Position}, {@code Positions} or {@code Order} ({@code removedPosition},
     *     {@code keptOrder})
     */
    public static boolean holdsPositions(String name) {
        return name.endsWith("Position") || name.endsWith("Positions") || name.endsWith("Order");
    }

    /**
     * The details as a person reads them, with positions shown as the members they index.
     *
     * @param member what to show for a position (a member's id, "#7")
     * @return "name value" pairs, comma-separated
     */
    public String describe(IntFunction<String> member) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            String shown;
            if (holdsPositions(k) && v instanceof int[] positions) {
                shown = Arrays.stream(positions)
                        .mapToObj(member)
                        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
            } else if (holdsPositions(k) && v instanceof Integer position) {
                shown = member.apply(position);
            } else {
                shown = compact(v);
            }
            sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(shown);
        });
        return sb.toString();
    }

    /** Numbers to four significant digits, which is what a person compares; the files keep them whole. */
    private static String compact(Object v) {
        if (v instanceof double[] d) {
            return Arrays.stream(d)
                    .mapToObj(DecisionDetails::compact)
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Double d) {
            return compact(d.doubleValue());
        }
        return format(v);
    }

    private static String compact(double d) {
        if (Double.isNaN(d)) {
            return "–"; // a number that does not exist (PIE's score before its second member)
        }
        if (!Double.isFinite(d) || d == Math.rint(d)) {
            return format(d);
        }
        return new java.math.BigDecimal(d)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) ->
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(format(v)));
        return sb.toString();
    }

    /**
     * @param v a detail's value
     * @return it as a person reads it: arrays in brackets, numbers as Java prints them
     */
    public static String format(Object v) {
        if (v instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (v instanceof int[] i) {
            return Arrays.toString(i);
        }
        return String.valueOf(v);
    }
}
