package org.saepj.data.preprocess;

import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.export.OnnxGraph;

/**
 * {@code scale}: image pixels divided by 255, as the image readers divide them when they decode a file (so it is
 * done on raw rows and an ONNX model's input only). Nothing to fit. Stored as {@code {"type": "scale"}}.
 */
public record Scale() implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "scale";

    /** The kind of {@link Scale}, registered in the services file. */
    public static final class Kind implements StepKind<Scale> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<Scale> stepClass() {
            return Scale.class;
        }

        @Override
        public Scale fit(Dataset train) {
            return new Scale();
        }
    }

    @Override
    public Dataset apply(Dataset data) {
        float[] x = data.features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] / Dataset.PIXEL_MAX; // divided, not multiplied by 1/255: bit for bit what the readers give
        }
        return new Dataset(data.name(), x, data.targets(), data.shape());
    }

    @Override
    public boolean appliedWhenRead() {
        return true;
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        return graph.node("Div", List.of(input, graph.floats("scale", new float[] {Dataset.PIXEL_MAX})));
    }

    @Override
    public String describe() {
        return "scale (pixels ÷ 255)";
    }
}
