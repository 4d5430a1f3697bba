package org.saepj.data.preprocess;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.saepj.DataException;
import org.saepj.data.Dataset;
import org.saepj.data.StrictNumbers;
import org.saepj.data.table.ColumnType;
import org.saepj.export.OnnxGraph;

/**
 * {@code columns}: what a table's columns are, so rows of text as a user has them become float rows the later steps
 * take: a number as its value, a boolean as 1/0, a categorical cell as the index of its level in {@code levels} (−1
 * for a level the training file never had), a gap as NaN. The reader encodes with it ({@link #encoder}); on floats it
 * changes nothing. Inferred from the training file, not fitted: stored as {@code {"type": "columns", "names": [...],
 * "named": true, "types": ["numeric", "categorical", ...], "levels": [[], ["blue", "red"], ...], "label": "species",
 * "missingValues": ["", "NA", ...]}}, and, when a semicolon-separated training file wrote numbers with a decimal
 * comma ({@code 1,5}), {@code "decimalComma": ["weight", ...]}: those numeric columns are read so in every file.
 *
 * @param names the feature columns' names, in input order ("column 3" when the training file had no header)
 * @param named whether the training file had a header, so other files' columns are matched by name
 * @param types each column's type
 * @param levels each categorical column's levels in code order (sorted); empty for the other types
 * @param label the training file's label column name, or null when it had no header
 * @param missingValues the cells read as gaps (compared without regard to case)
 * @param decimalComma the numeric columns whose numbers have a decimal comma, by name; null when none (so a table
 *     without one is stored as before)
 */
public record Columns(
        List<String> names,
        boolean named,
        List<ColumnType> types,
        List<List<String>> levels,
        String label,
        List<String> missingValues,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> decimalComma)
        implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "columns";
    /** A categorical level the training file never had: the one-hot step maps it to "other". */
    public static final float UNSEEN = -1f;

    /** The cells read as true, in lower case. */
    static final Set<String> TRUE = Set.of("true", "yes", "y", "t", "1");
    /** The cells read as false, in lower case. */
    static final Set<String> FALSE = Set.of("false", "no", "n", "f", "0");

    private static final List<Set<String>> PAIRS =
            List.of(Set.of("true", "false"), Set.of("yes", "no"), Set.of("y", "n"), Set.of("t", "f"), Set.of("1", "0"));

    /**
     * @param names the feature columns' names
     * @param named whether the training file had a header
     * @param types each column's type
     * @param levels each column's levels
     * @param label the label column's name, or null
     * @param missingValues the gap markers
     * @param decimalComma the columns with a decimal comma, or null (or empty) for none
     */
    public Columns {
        names = List.copyOf(names);
        types = List.copyOf(types);
        levels = levels.stream().map(List::copyOf).toList();
        missingValues = List.copyOf(missingValues);
        decimalComma = decimalComma == null || decimalComma.isEmpty() ? null : List.copyOf(decimalComma);
    }

    /**
     * Columns without a decimal comma.
     *
     * @param names the feature columns' names
     * @param named whether the training file had a header
     * @param types each column's type
     * @param levels each column's levels
     * @param label the label column's name, or null
     * @param missingValues the gap markers
     */
    public Columns(
            List<String> names,
            boolean named,
            List<ColumnType> types,
            List<List<String>> levels,
            String label,
            List<String> missingValues) {
        this(names, named, types, levels, label, missingValues, null);
    }

    /**
     * @param column a column's index among {@link #names}
     * @return whether its numbers have a decimal comma ({@code 1,5})
     */
    public boolean decimalComma(int column) {
        return decimalComma != null && decimalComma.contains(names.get(column));
    }

    /**
     * @param cell a cell, trimmed
     * @return whether it is a number written with a decimal comma ({@code 1,5}, {@code -0,25}): one comma, no point
     */
    public static boolean hasDecimalComma(String cell) {
        return cell.indexOf(',') >= 0
                && cell.indexOf(',') == cell.lastIndexOf(',')
                && cell.indexOf('.') < 0
                && StrictNumbers.isNumber(cell.replace(',', '.'));
    }

    /** The kind of {@link Columns}: never fitted from floats; the table reader infers it. */
    public static final class Kind implements StepKind<Columns> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<Columns> stepClass() {
            return Columns.class;
        }

        @Override
        public Columns fit(Dataset train) {
            throw new IllegalStateException(
                    "the columns step is read from the table, not fitted: pass it to" + " Pipeline.fit");
        }
    }

    /**
     * @param cell a cell, trimmed
     * @return whether it reads as true or false (yes/no, y/n, t/f, 1/0, any case)
     */
    public static boolean isBoolean(String cell) {
        String c = cell.toLowerCase(Locale.ROOT);
        return TRUE.contains(c) || FALSE.contains(c);
    }

    /**
     * @param values a column's distinct cells, lower case
     * @return whether they are (part of) one pair: true/false, yes/no, y/n, t/f or 1/0
     */
    public static boolean isBooleanPair(Set<String> values) {
        return PAIRS.stream().anyMatch(pair -> pair.containsAll(values));
    }

    /** @return whether any column is categorical */
    public boolean hasCategorical() {
        return types.contains(ColumnType.CATEGORICAL);
    }

    /** @return whether any column holds text (categorical or boolean), so an ONNX graph takes one input per column */
    public boolean readsText() {
        return types.stream().anyMatch(t -> t != ColumnType.NUMERIC);
    }

    /**
     * Declares an ONNX graph's inputs, one per column named after it — float {@code [N, 1]} for a numeric column (NaN
     * for a gap), string {@code [N, 1]} for a boolean or categorical one (its cells as written, trimmed; empty or a
     * gap marker for a gap) — and writes the nodes that turn them into the values {@link #encoder} gives.
     *
     * @param graph the graph being built
     * @param batch the name of the symbolic batch dimension
     * @return the float tensor {@code [N, columns]} the later steps take
     * @throws DataException when a column's name is one the graph uses for a tensor of its own
     */
    public String onnxInputs(OnnxGraph graph, String batch) {
        return new ColumnInputs(this).write(graph, batch);
    }

    /** @return a fresh encoder, which counts the unseen levels of what it encodes */
    public Encoder encoder() {
        return new Encoder();
    }

    /** Turns cells into values, counting levels the training file did not have. */
    public final class Encoder {
        private final Map<String, Map<String, Integer>> unseen = new LinkedHashMap<>();

        private Encoder() {}

        /**
         * @param column the column's index among {@link #names}
         * @param cell the cell as written
         * @return its value: a number, 1/0, a level's index or {@link #UNSEEN}, NaN for a gap
         * @throws IllegalArgumentException saying what was expected, to follow the quoted cell
         */
        public float value(int column, String cell) {
            String c = cell.trim();
            if (isGap(c)) {
                return Float.NaN;
            }
            return switch (types.get(column)) {
                case NUMERIC -> decimalComma(column) ? commaNumber(c) : number(c);
                case BOOLEAN -> {
                    if (!isBoolean(c)) {
                        throw new IllegalArgumentException("is not true/false (expected a value such as true,"
                                + " false, yes, no, y, n, t, f, 1 or 0, or a gap)");
                    }
                    yield TRUE.contains(c.toLowerCase(Locale.ROOT)) ? 1f : 0f;
                }
                case CATEGORICAL -> {
                    int code = java.util.Collections.binarySearch(levels.get(column), c);
                    if (code < 0) {
                        unseen.computeIfAbsent(names.get(column), k -> new LinkedHashMap<>())
                                .merge(c, 1, Integer::sum);
                        yield UNSEEN;
                    }
                    yield code;
                }
            };
        }

        /** @return one phrase per column with unseen levels: "color: 'purple' ×2, 'teal' ×1"; empty when none */
        public List<String> unseen() {
            List<String> out = new ArrayList<>();
            unseen.forEach((col, counts) -> {
                List<String> each = new ArrayList<>();
                counts.forEach((level, n) -> each.add("'" + level + "' ×" + n));
                out.add(col + ": " + String.join(", ", each.subList(0, Math.min(5, each.size())))
                        + (each.size() > 5 ? " and " + (each.size() - 5) + " more" : ""));
            });
            return out;
        }
    }

    private boolean isGap(String c) {
        return c.isEmpty() || missingValues.stream().anyMatch(m -> m.trim().equalsIgnoreCase(c));
    }

    /** A number with a decimal comma, or one without a fraction, in a column written so. */
    private static float commaNumber(String c) {
        if (c.indexOf('.') >= 0) {
            throw new NumberFormatException(
                    "is not a number with a decimal comma (expected a number such as 12, -0,5 or 1,5e-3, as the"
                            + " training file wrote this column)");
        }
        return number(c.replace(',', '.'));
    }

    private static float number(String c) {
        float v = StrictNumbers.toFloat(c); // its NumberFormatException says what was expected
        return v;
    }

    @Override
    public Dataset apply(Dataset data) {
        return data;
    }

    @Override
    public java.util.OptionalInt inputWidth() {
        return java.util.OptionalInt.of(names.size());
    }

    @Override
    public void check(int features) {
        if (names == null || types == null || levels == null || missingValues == null) {
            throw new IllegalArgumentException(TYPE + " needs names, types, levels and missingValues");
        }
        if (names.size() != features || types.size() != features || levels.size() != features) {
            throw new IllegalArgumentException(
                    TYPE + " needs a name, a type and levels for each of " + features + " columns");
        }
        if (decimalComma != null
                && !decimalComma.stream()
                        .allMatch(n -> names.contains(n) && types.get(names.indexOf(n)) == ColumnType.NUMERIC)) {
            throw new IllegalArgumentException(TYPE + " decimalComma: expected names of numeric columns");
        }
        for (int j = 0; j < features; j++) {
            List<String> l = levels.get(j);
            boolean categorical = types.get(j) == ColumnType.CATEGORICAL;
            if (categorical == l.isEmpty()
                    || !l.stream().sorted().toList().equals(l)
                    || l.stream().distinct().count() != l.size()) {
                throw new IllegalArgumentException(TYPE + " column " + names.get(j) + ": expected "
                        + (categorical
                                ? "its levels, sorted, each once"
                                : "no levels for a " + types.get(j).id() + " column"));
            }
        }
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        if (readsText()) {
            // text does not fit one float input: OnnxExport declares the columns' own inputs through onnxInputs
            throw new IllegalStateException("a table with text columns is exported through onnxInputs");
        }
        return input;
    }

    @Override
    public String describe() {
        long categorical =
                types.stream().filter(t -> t == ColumnType.CATEGORICAL).count();
        long bool = types.stream().filter(t -> t == ColumnType.BOOLEAN).count();
        return "columns (" + (names.size() - categorical - bool) + " numeric, " + bool + " boolean, " + categorical
                + " categorical)";
    }
}
