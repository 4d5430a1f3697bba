package org.saepj.data.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.saepj.DataException;
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
        return new Dataset(data.name(), y, data.labels(), Shape.vector(out), data.classNames());
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
        throw new DataException("the ensemble one-hot encodes categorical columns: ONNX export of text columns is not"
                + " supported yet");
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
