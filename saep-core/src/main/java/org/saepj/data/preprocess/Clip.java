package org.saepj.data.preprocess;

import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.export.OnnxGraph;

/**
 * {@code clip}: each feature held to the range it had in the training part, so a value far outside what the
 * networks saw (a sensor's glitch, a unit typed wrong) reaches them as the nearest value they know. Stored as
 * {@code {"type": "clip", "low": [...], "high": [...]}}.
 *
 * @param low the training minimum of each feature
 * @param high the training maximum of each feature
 */
public record Clip(float[] low, float[] high) implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "clip";

    /** The kind of {@link Clip}, registered in the services file. */
    public static final class Kind implements StepKind<Clip> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<Clip> stepClass() {
            return Clip.class;
        }

        @Override
        public Clip fit(Dataset train) {
            int d = train.featureSize();
            float[] low = new float[d];
            float[] high = new float[d];
            java.util.Arrays.fill(low, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(high, Float.NEGATIVE_INFINITY);
            float[] x = train.features();
            for (int i = 0; i < train.size(); i++) {
                for (int j = 0; j < d; j++) {
                    low[j] = Math.min(low[j], x[i * d + j]);
                    high[j] = Math.max(high[j], x[i * d + j]);
                }
            }
            return new Clip(low, high);
        }
    }

    @Override
    public Dataset apply(Dataset data) {
        int d = low.length;
        if (data.featureSize() != d) {
            throw new IllegalArgumentException("clip has " + d + " features, data has " + data.featureSize());
        }
        float[] x = data.features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], low[i % d]), high[i % d]);
        }
        return new Dataset(data.name(), x, data.targets(), data.shape());
    }

    @Override
    public void check(int features) {
        if (low == null || high == null || low.length != features || high.length != features) {
            throw new IllegalArgumentException(TYPE + " needs low and high of " + features + " features each");
        }
        for (int j = 0; j < features; j++) {
            if (!Float.isFinite(low[j]) || !Float.isFinite(high[j]) || low[j] > high[j]) {
                throw new IllegalArgumentException(TYPE + " feature " + j + " has low " + low[j] + " and high "
                        + high[j] + ": expected finite numbers, low at most high");
            }
        }
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        // Max then Min broadcast per feature (ONNX's Clip takes one bound for all)
        String raised = graph.node("Max", List.of(input, graph.floats("clip_low", low, features)));
        return graph.node("Min", List.of(raised, graph.floats("clip_high", high, features)));
    }

    @Override
    public String describe() {
        return "clip (to the training range)";
    }
}
