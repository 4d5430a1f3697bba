package org.saepj.data.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.table.ColumnType;
import org.saepj.export.OnnxGraph;

/**
 * {@code one_hot}: each categorical column (a level's index from {@link Columns}) becomes one 0/1 column per level
 * kept and one "other" column, in the column's place. A level is kept when the training part has at least
 * max({@value #MIN_ROWS}, 0.5% of its rows) rows of it; rarer levels, and levels the training file never had
 * ({@link Columns#UNSEEN}), go to "other", so a network never sees a level it could not learn. Other columns pass
 * unchanged. Stored as {@code {"type": "one_hot", "width": 5, "columns": [1, 3], "kept": [[0, 2], [1]]}}.
 *
 * @param width the number of values per sample it takes
 * @param columns the categorical columns' positions, ascending
 * @param kept for each of them, the level indices that get a column of their own, ascending
 */
public record OneHot(int width, int[] columns, int[][] kept) implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "one_hot";
    /** A level with fewer training rows than this (or than 0.5% of them) is "other". */
    public static final int MIN_ROWS = 5;
    /** The share of the training rows a level needs, when that is more than {@value #MIN_ROWS} rows. */
    public static final double MIN_SHARE = 0.005;

    /** The kind of {@link OneHot}: the categorical columns come from the {@link Columns} step before it. */
    public static final class Kind implements StepKind<OneHot> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<OneHot> stepClass() {
            return OneHot.class;
        }

        @Override
        public OneHot fit(Dataset train) {
            return fit(train, List.of());
        }

        @Override
        public OneHot fit(Dataset train, List<PreprocessingStep> before) {
            int d = train.featureSize();
            List<ColumnType> types = before.stream()
                    .filter(Columns.class::isInstance)
                    .map(s -> ((Columns) s).types())
                    .findFirst()
                    .orElse(List.of());
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < types.size(); j++) {
                if (types.get(j) == ColumnType.CATEGORICAL) {
                    cols.add(j);
                }
            }
            double need = Math.max(MIN_ROWS, MIN_SHARE * train.size());
            int[][] kept = new int[cols.size()][];
            float[] x = train.features();
            for (int c = 0; c < cols.size(); c++) {
                TreeMap<Integer, Integer> counts = new TreeMap<>();
                for (int i = 0; i < train.size(); i++) {
                    float v = x[i * d + cols.get(c)];
                    if (v >= 0) { // gaps are filled before; unseen levels are other
                        counts.merge((int) v, 1, Integer::sum);
                    }
                }
                kept[c] = counts.entrySet().stream()
                        .filter(e -> e.getValue() >= need)
                        .mapToInt(e -> e.getKey())
                        .toArray();
            }
            return new OneHot(d, cols.stream().mapToInt(Integer::intValue).toArray(), kept);
        }
    }

    @Override
    public Dataset apply(Dataset data) {
        int out = outputWidth(width);
        float[] x = data.features();
        float[] y = new float[data.size() * out];
        for (int i = 0; i < data.size(); i++) {
            int o = i * out;
            int c = 0;
            for (int j = 0; j < width; j++) {
                float v = x[i * width + j];
                if (c < columns.length && columns[c] == j) {
                    int at = java.util.Arrays.binarySearch(kept[c], (int) v);
                    // a kept level its own column; any other level (rare, unseen) "other"; a gap none
                    if (!Float.isNaN(v)) {
                        y[o + (at >= 0 && v == (int) v ? at : kept[c].length)] = 1f;
                    }
                    o += kept[c].length + 1;
                    c++;
                } else {
                    y[o++] = v;
                }
            }
        }
        return new Dataset(data.name(), y, data.targets(), Shape.vector(out));
    }

    @Override
    public OptionalInt inputWidth() {
        return OptionalInt.of(width);
    }

    @Override
    public int outputWidth(int inputWidth) {
        int out = inputWidth;
        for (int[] k : kept) {
            out += k.length;
        }
        return out;
    }

    @Override
    public void check(int features) {
        if (columns == null || kept == null || width != features || columns.length != kept.length) {
            throw new IllegalArgumentException(TYPE + " needs width " + features + " and kept levels for each column");
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] < 0 || columns[c] >= width || c > 0 && columns[c] <= columns[c - 1] || kept[c] == null) {
                throw new IllegalArgumentException(TYPE + " columns must be ascending positions below " + width);
            }
        }
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        if (columns.length == 0) {
            return input;
        }
        // The columns in order: runs of other columns gathered as they are, each categorical column as its block.
        List<String> parts = new ArrayList<>();
        List<Long> run = new ArrayList<>();
        int c = 0;
        for (int j = 0; j < features; j++) {
            if (c < columns.length && columns[c] == j) {
                gather(graph, input, run).ifPresent(parts::add);
                run.clear();
                String code = graph.node(
                        "Gather", List.of(input, graph.longs("one_hot_column", j)), OnnxGraph.Attribute.of("axis", 1));
                parts.add(block(graph, code, kept[c]));
                c++;
            } else {
                run.add((long) j);
            }
        }
        gather(graph, input, run).ifPresent(parts::add);
        return graph.node("Concat", parts, OnnxGraph.Attribute.of("axis", 1));
    }

    private static java.util.Optional<String> gather(OnnxGraph graph, String input, List<Long> run) {
        if (run.isEmpty()) {
            return java.util.Optional.empty();
        }
        long[] which = run.stream().mapToLong(Long::longValue).toArray();
        return java.util.Optional.of(graph.node(
                "Gather", List.of(input, graph.longs("kept_columns", which)), OnnxGraph.Attribute.of("axis", 1)));
    }

    /**
     * One categorical column's block, as {@link #apply} writes it: 1 in the column of a kept level (Equal on the level
     * codes), 1 in "other" for any other level (1 − Σ kept − gap), nothing for a gap (NaN).
     */
    private static String block(OnnxGraph graph, String code, int[] kept) {
        String gap = graph.node("Cast", List.of(graph.node("IsNaN", List.of(code))), OnnxGraph.Attribute.of("to", 1));
        String one = graph.floats("one", new float[] {1f});
        if (kept.length == 0) {
            return graph.node("Sub", List.of(one, gap));
        }
        float[] levels = new float[kept.length];
        float[] ones = new float[kept.length];
        for (int k = 0; k < kept.length; k++) {
            levels[k] = kept[k];
            ones[k] = 1f;
        }
        String equal = graph.node("Equal", List.of(code, graph.floats("levels", levels, 1, kept.length)));
        String flags = graph.node("Cast", List.of(equal), OnnxGraph.Attribute.of("to", 1)); // 1 = FLOAT
        String count = graph.node("MatMul", List.of(flags, graph.floats("ones", ones, kept.length, 1)));
        String other = graph.node("Sub", List.of(graph.node("Sub", List.of(one, count)), gap));
        return graph.node("Concat", List.of(flags, other), OnnxGraph.Attribute.of("axis", 1));
    }

    @Override
    public String describe() {
        int levels = 0;
        for (int[] k : kept) {
            levels += k.length;
        }
        return "one_hot (" + columns.length + " categorical columns, " + levels + " levels kept, the rest as other)";
    }
}
