package org.saepj.data.preprocess;

import java.util.Arrays;
import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.export.OnnxGraph;

/**
 * {@code robust-scale}: each feature centred on its training median and divided by its training interquartile range,
 * then softly clipped, z / √(1 + (z/3)²), as RealMLP (Holzmüller et al., 2024) prepares tables. Skewed columns and
 * outliers (a chemical percentage that is mostly 0, a sensor's glitch) no longer squeeze the rest of a column into a
 * sliver, and no value reaches the networks beyond ±3. A feature whose quartiles coincide (a mostly-constant or
 * one-hot column) is divided by half its training range instead, and a constant one by 1. Stored as
 * {@code {"type": "robust-scale", "median": [...], "scale": [...]}}.
 *
 * @param median the training median of each feature
 * @param scale the divisor of each feature (above 0): its interquartile range, else half its range, else 1
 */
public record RobustScale(float[] median, float[] scale) implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "robust-scale";

    /** Where the soft clip bends: values of about ±3 pass nearly unchanged, larger ones approach ±3. */
    static final float BOUND = 3f;

    /** The kind of {@link RobustScale}, registered in the services file. */
    public static final class Kind implements StepKind<RobustScale> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<RobustScale> stepClass() {
            return RobustScale.class;
        }

        @Override
        public RobustScale fit(Dataset train) {
            int d = train.featureSize();
            int n = train.size();
            float[] x = train.features();
            float[] median = new float[d];
            float[] scale = new float[d];
            float[] column = new float[n];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    column[i] = x[i * d + j];
                }
                Arrays.sort(column);
                median[j] = quantile(column, 0.5);
                float spread = quantile(column, 0.75) - quantile(column, 0.25);
                float halfRange = (column[n - 1] - column[0]) / 2;
                scale[j] = spread > 0 ? spread : halfRange > 0 ? halfRange : 1f;
            }
            return new RobustScale(median, scale);
        }

        /** Linear interpolation between order statistics, as NumPy's default quantile. */
        private static float quantile(float[] sorted, double q) {
            double at = q * (sorted.length - 1);
            int below = (int) Math.floor(at);
            int above = Math.min(below + 1, sorted.length - 1);
            double w = at - below;
            return (float) (sorted[below] + w * (sorted[above] - sorted[below]));
        }
    }

    @Override
    public Dataset apply(Dataset data) {
        int d = median.length;
        if (data.featureSize() != d) {
            throw new IllegalArgumentException(TYPE + " has " + d + " features, data has " + data.featureSize());
        }
        float[] x = data.features().clone();
        for (int i = 0; i < x.length; i++) {
            float z = (x[i] - median[i % d]) / scale[i % d];
            float r = z / BOUND;
            x[i] = z / (float) Math.sqrt(1f + r * r);
        }
        return new Dataset(data.name(), x, data.targets(), data.shape());
    }

    @Override
    public void check(int features) {
        if (median == null || scale == null || median.length != features || scale.length != features) {
            throw new IllegalArgumentException(TYPE + " needs median and scale of " + features + " features each");
        }
        for (int j = 0; j < features; j++) {
            if (!Float.isFinite(median[j]) || !Float.isFinite(scale[j]) || scale[j] <= 0) {
                throw new IllegalArgumentException(TYPE + " feature " + j + " has median " + median[j] + " and scale "
                        + scale[j] + ": expected finite numbers and a scale above 0");
            }
        }
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        String centred = graph.node("Sub", List.of(input, graph.floats("median", median, features)));
        String z = graph.node("Div", List.of(centred, graph.floats("scale", scale, features)));
        // z / sqrt(1 + (z/3)^2), in the same order of operations as apply
        String r = graph.node("Div", List.of(z, graph.floats("bound", new float[] {BOUND}, 1)));
        String square = graph.node("Mul", List.of(r, r));
        String plusOne = graph.node("Add", List.of(square, graph.floats("one", new float[] {1f}, 1)));
        return graph.node("Div", List.of(z, graph.node("Sqrt", List.of(plusOne))));
    }

    @Override
    public String describe() {
        return "robust-scale (training median and interquartile range, soft clip to ±3)";
    }
}
