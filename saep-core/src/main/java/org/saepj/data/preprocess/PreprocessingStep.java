package org.saepj.data.preprocess;

import org.saepj.data.Dataset;
import org.saepj.export.OnnxGraph;

/**
 * One fitted step of a {@link Pipeline}: a record whose components are everything it learnt from the training data
 * (they are its stored form, under its kind's type name: {@link StepKind}). Applied alike to training, test and
 * prediction data, and written as ONNX nodes for an exported model.
 */
public interface PreprocessingStep {
    /**
     * @param data samples of the size the step was fitted on
     * @return the samples transformed (a new dataset; the argument is left as it is)
     */
    Dataset apply(Dataset data);

    /**
     * Whether the data sources already do this step when they read: the image readers divide pixels by 255 as they
     * decode them. Such a step is skipped on data a source loaded and done on raw rows (a file scored whole, an
     * ONNX model's input); it may only stand at the front of a pipeline.
     *
     * @return true when the readers apply it
     */
    default boolean appliedWhenRead() {
        return false;
    }

    /**
     * The width the step was fitted on, for a step that changes the width (the table steps: one-hot columns, missing
     * indicators); the steps before it keep the width, so the first such step gives the width of raw rows.
     *
     * @return the number of values per sample it takes, or empty when it takes any
     */
    default java.util.OptionalInt inputWidth() {
        return java.util.OptionalInt.empty();
    }

    /**
     * @param inputWidth the number of values per sample it takes
     * @return the number it gives (the same for most steps)
     */
    default int outputWidth(int inputWidth) {
        return inputWidth;
    }

    /**
     * Checks a step read from a file before it is used.
     *
     * @param features the number of values per sample the step takes
     * @throws IllegalArgumentException one line naming the step and what is wrong, e.g. a deviation of 0
     */
    default void check(int features) {}

    /**
     * Writes the step's ONNX nodes.
     *
     * @param graph the graph being built
     * @param input the tensor the step takes, float [N, features]
     * @param features the number of values per sample it takes
     * @return the tensor it gives, {@link #outputWidth} values per sample
     */
    String onnx(OnnxGraph graph, String input, int features);

    /** @return for people, e.g. "standardize (training mean and deviation)" */
    String describe();
}
