package org.saepj.data.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.table.ColumnType;
import org.saepj.export.OnnxGraph;

/**
 * {@code impute}: fills gaps (NaN) with what the training part holds — a numeric column's median, a boolean or
 * categorical column's most frequent value (ties to the smallest) — and, for each column that had gaps in the
 * training part, appends a missing-indicator column (1 where the value was a gap), so the members can tell a filled
 * value from a real one. Stored as {@code {"type": "impute", "fill": [...], "indicator": [false, true, ...]}}.
 *
 * @param fill the value each column's gaps get
 * @param indicator whether a column gets a missing-indicator column (appended after every column, in column order)
 */
public record Impute(float[] fill, boolean[] indicator) implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "impute";

    /** The kind of {@link Impute}: the column types come from the {@link Columns} step before it, if any. */
    public static final class Kind implements StepKind<Impute> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<Impute> stepClass() {
            return Impute.class;
        }

        @Override
        public Impute fit(Dataset train) {
            return fit(train, List.of());
        }

        @Override
        public Impute fit(Dataset train, List<PreprocessingStep> before) {
            int d = train.featureSize();
            List<ColumnType> types = before.stream()
                    .filter(Columns.class::isInstance)
                    .map(s -> ((Columns) s).types())
                    .findFirst()
                    .orElse(java.util.Collections.nCopies(d, ColumnType.NUMERIC));
            float[] fill = new float[d];
            boolean[] gaps = new boolean[d];
            float[] x = train.features();
            int n = train.size();
            for (int j = 0; j < d; j++) {
                List<Float> seen = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    float v = x[i * d + j];
                    if (Float.isNaN(v)) {
                        gaps[j] = true;
                    } else {
                        seen.add(v);
                    }
                }
                fill[j] = types.get(j) == ColumnType.NUMERIC ? median(seen) : mostFrequent(seen);
            }
            return new Impute(fill, gaps);
        }
    }

    /** The middle value, the mean of the two middle ones for an even count; 0 for a column of gaps only. */
    static float median(List<Float> values) {
        if (values.isEmpty()) {
            return 0f;
        }
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (float) (((double) v[m - 1] + v[m]) / 2);
    }

    /** The most frequent value, the smallest among ties (unseen levels, −1, never count); 0 for none. */
    static float mostFrequent(List<Float> values) {
        Map<Float, Integer> counts = new HashMap<>();
        for (float v : values) {
            if (v != Columns.UNSEEN) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        float best = 0f;
        int most = 0;
        for (Map.Entry<Float, Integer> e : counts.entrySet()) {
            if (e.getValue() > most || e.getValue() == most && e.getKey() < best) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private int indicators() {
        int k = 0;
        for (boolean b : indicator) {
            k += b ? 1 : 0;
        }
        return k;
    }

    @Override
    public Dataset apply(Dataset data) {
        int d = fill.length;
        int out = d + indicators();
        float[] x = data.features();
        float[] y = new float[data.size() * out];
        for (int i = 0; i < data.size(); i++) {
            int k = d;
            for (int j = 0; j < d; j++) {
                float v = x[i * d + j];
                boolean gap = Float.isNaN(v);
                y[i * out + j] = gap ? fill[j] : v;
                if (indicator[j]) {
                    y[i * out + k++] = gap ? 1f : 0f;
                }
            }
        }
        return new Dataset(data.name(), y, data.targets(), Shape.vector(out));
    }

    @Override
    public OptionalInt inputWidth() {
        return OptionalInt.of(fill.length);
    }

    @Override
    public int outputWidth(int inputWidth) {
        return inputWidth + indicators();
    }

    @Override
    public void check(int features) {
        if (fill == null || indicator == null || fill.length != features || indicator.length != features) {
            throw new IllegalArgumentException(TYPE + " needs fill and indicator of " + features + " columns each");
        }
        for (int j = 0; j < features; j++) {
            if (!Float.isFinite(fill[j])) {
                throw new IllegalArgumentException(
                        TYPE + " column " + j + " has fill " + fill[j] + ": expected a finite number");
            }
        }
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        // x with its gaps filled: Where(IsNaN(x), fill, x); then one 0/1 column per indicator: Cast(IsNaN(x[:, j])).
        String nan = graph.node("IsNaN", List.of(input));
        String filled = graph.node("Where", List.of(nan, graph.floats("fill", fill, features), input));
        if (indicators() == 0) {
            return filled;
        }
        long[] which = new long[indicators()];
        int k = 0;
        for (int j = 0; j < features; j++) {
            if (indicator[j]) {
                which[k++] = j;
            }
        }
        String gaps = graph.node(
                "Gather", List.of(nan, graph.longs("indicator_columns", which)), OnnxGraph.Attribute.of("axis", 1));
        String flags = graph.node("Cast", List.of(gaps), OnnxGraph.Attribute.of("to", 1)); // 1 = FLOAT
        return graph.node("Concat", List.of(filled, flags), OnnxGraph.Attribute.of("axis", 1));
    }

    @Override
    public String describe() {
        int k = indicators();
        return "impute (training median or most frequent value" + (k > 0 ? "; " + k + " missing-indicator columns" : "")
                + ")";
    }
}
