package org.saepj.data.preprocess;

import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.data.Standardizer;
import org.saepj.export.OnnxGraph;

/**
 * {@code standardize}: each feature's (x − mean) / deviation with the training part's mean and deviation
 * ({@link Standardizer}; a constant feature gets a deviation of 1, and an indicator, a feature of 0s and 1s, stays
 * as it is: mean 0, deviation 1). Stored as
 * {@code {"type": "standardize", "mean": [...], "deviation": [...]}}.
 *
 * @param mean the training mean of each feature
 * @param deviation the training standard deviation of each feature (above 0)
 */
public record Standardize(float[] mean, float[] deviation) implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "standardize";

    /** The kind of {@link Standardize}, registered in the services file. */
    public static final class Kind implements StepKind<Standardize> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<Standardize> stepClass() {
            return Standardize.class;
        }

        @Override
        public Standardize fit(Dataset train) {
            Standardizer s = Standardizer.fit(train);
            return new Standardize(s.mean(), s.deviation());
        }
    }

    @Override
    public Dataset apply(Dataset data) {
        return new Standardizer(mean, deviation).apply(data);
    }

    @Override
    public void check(int features) {
        if (mean == null || deviation == null || mean.length != features || deviation.length != features) {
            throw new IllegalArgumentException(TYPE + " needs mean and deviation of " + features + " features each");
        }
        for (int j = 0; j < features; j++) {
            if (!Float.isFinite(mean[j]) || !Float.isFinite(deviation[j]) || deviation[j] <= 0) {
                throw new IllegalArgumentException(TYPE + " feature " + j + " has mean " + mean[j] + " and deviation "
                        + deviation[j] + ": expected finite numbers and a deviation above 0");
            }
        }
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        String centred = graph.node("Sub", List.of(input, graph.floats("mean", mean, features)));
        return graph.node("Div", List.of(centred, graph.floats("deviation", deviation, features)));
    }

    @Override
    public String describe() {
        return "standardize (training mean and deviation)";
    }
}
