package org.saepj.data.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.export.OnnxGraph;

/**
 * How the values a data file holds become a network's input: typed steps in order, fitted on the training part only
 * ({@link #fit}) and applied alike to training, test and prediction data. A saved ensemble stores its pipeline, so
 * evaluate, predict and the ONNX export feed the members as the search did.
 *
 * <p>There are two starting points: data a source loaded ({@link #apply}), which the image readers have already
 * divided by 255, and raw rows as a file holds them ({@link #applyToRaw}: pixels 0–255, an ONNX model's input), which
 * go through every step. Steps the readers do ({@link PreprocessingStep#appliedWhenRead}) lead the pipeline.
 *
 * @param steps the fitted steps, in order
 */
public record Pipeline(List<PreprocessingStep> steps) {
    /**
     * @param steps the fitted steps, in order
     */
    public Pipeline {
        steps = List.copyOf(steps);
    }

    /**
     * The steps a search fits when nothing else is asked for: images are scaled (as the readers scale them), tabular
     * features standardised with the training mean and deviation.
     *
     * @param input the shape of one sample
     * @return the step types, in order
     */
    public static List<String> standardPlan(Shape input) {
        return input.isImage() ? List.of(Scale.TYPE) : List.of(Standardize.TYPE);
    }

    /**
     * The steps a search fits when nothing else is asked for, by how its features are scaled: the paper's
     * standardising, or {@link RobustScale} or {@link PiecewiseLinear} in its place (images keep their own scaling).
     *
     * @param input the shape of one sample
     * @param table whether the reader's {@link Columns} step leads (text columns or gaps to encode)
     * @param scaling how tabular features are scaled
     * @return the step types after any columns step, in order
     */
    public static List<String> plan(Shape input, boolean table, Scaling scaling) {
        List<String> standard = table ? tablePlan() : standardPlan(input);
        return standard.stream()
                .map(type -> type.equals(Standardize.TYPE) ? scaling.stepType() : type)
                .toList();
    }

    /**
     * Fits each step on the training part as the steps before it left it.
     *
     * @param plan the step types, in order
     * @param train the training part only
     * @return the fitted pipeline
     */
    public static Pipeline fit(List<String> plan, Dataset train) {
        return fit(List.of(), plan, train);
    }

    /**
     * The steps a search fits on a table that needs more than standardising (text columns, gaps): the reader's
     * {@link Columns}, then gaps filled, categorical columns one-hot encoded, and everything standardised (the 0/1
     * columns, one-hot levels and gap indicators, kept 0/1: {@link org.saepj.data.Standardizer}).
     *
     * @return the step types after the columns step, in order
     */
    public static List<String> tablePlan() {
        return List.of(Impute.TYPE, OneHot.TYPE, Standardize.TYPE);
    }

    /**
     * Fits each step of a plan after steps already known (the table reader's {@link Columns}), on the training part
     * as the steps before it left it.
     *
     * @param given steps that need no fitting, first in the pipeline
     * @param plan the step types to fit after them, in order
     * @param train the training part only
     * @return the fitted pipeline
     */
    public static Pipeline fit(List<PreprocessingStep> given, List<String> plan, Dataset train) {
        List<PreprocessingStep> fitted = new ArrayList<>(given);
        Dataset seen = train;
        for (PreprocessingStep step : given) {
            seen = step.appliedWhenRead() ? seen : step.apply(seen);
        }
        for (String type : plan) {
            PreprocessingStep step = StepKinds.require(type).fit(seen, List.copyOf(fitted));
            fitted.add(step);
            seen = step.appliedWhenRead() ? seen : step.apply(seen);
        }
        return new Pipeline(fitted);
    }

    /**
     * @param modelWidth the number of values per sample the members take
     * @return the number of values per raw row: the first width-fixing step's ({@link Columns}: one per column), else
     *     the members' (every step before it keeps the width)
     */
    public int rawWidth(int modelWidth) {
        return steps.stream()
                .map(PreprocessingStep::inputWidth)
                .filter(java.util.OptionalInt::isPresent)
                .findFirst()
                .map(java.util.OptionalInt::getAsInt)
                .orElse(modelWidth);
    }

    /**
     * @param type a step type name
     * @return the first step of that type, if the pipeline has one
     */
    public java.util.Optional<PreprocessingStep> find(String type) {
        return steps.stream().filter(s -> StepKinds.typeOf(s).equals(type)).findFirst();
    }

    /**
     * @param loaded samples as a data source loaded them
     * @return the network's input: every step but those the readers did; the same object when no step applies
     */
    public Dataset apply(Dataset loaded) {
        Dataset d = loaded;
        for (PreprocessingStep step : steps) {
            d = step.appliedWhenRead() ? d : step.apply(d);
        }
        return d;
    }

    /**
     * @param raw samples of values as a file holds them (pixels 0–255)
     * @return the network's input: every step
     */
    public Dataset applyToRaw(Dataset raw) {
        Dataset d = raw;
        for (PreprocessingStep step : steps) {
            d = step.apply(d);
        }
        return d;
    }

    /**
     * Writes every step's ONNX nodes, in order, from raw values.
     *
     * @param graph the graph being built
     * @param input the raw input tensor, float [N, features]
     * @param features the number of values per raw row ({@link #rawWidth})
     * @return the network's input tensor
     */
    public String onnx(OnnxGraph graph, String input, int features) {
        String x = input;
        int width = features;
        for (PreprocessingStep step : steps) {
            x = step.onnx(graph, x, width);
            width = step.outputWidth(width);
        }
        return x;
    }

    /**
     * Writes the ONNX nodes of the steps after one step, in order: the steps after a {@link Columns} step, from the
     * float columns its {@link Columns#onnxInputs} gives.
     *
     * @param graph the graph being built
     * @param first the step whose nodes are already written (one of this pipeline's)
     * @param input its output tensor, float [N, features]
     * @param features the number of values per sample it gives
     * @return the network's input tensor
     */
    public String onnxAfter(OnnxGraph graph, PreprocessingStep first, String input, int features) {
        String x = input;
        int width = features;
        for (PreprocessingStep step : steps.subList(steps.indexOf(first) + 1, steps.size())) {
            x = step.onnx(graph, x, width);
            width = step.outputWidth(width);
        }
        return x;
    }

    /**
     * Checks a pipeline read from a file before it is used.
     *
     * @param features the number of values per sample of the model
     * @throws IllegalArgumentException one line naming the step and what is wrong
     */
    public void check(int features) {
        boolean reading = true;
        int width = steps.stream().anyMatch(java.util.Objects::isNull) ? features : rawWidth(features);
        for (PreprocessingStep step : steps) {
            if (step == null) {
                throw new IllegalArgumentException("preprocessing steps must be objects with a type");
            }
            if (step.appliedWhenRead() && !reading) {
                throw new IllegalArgumentException(StepKinds.typeOf(step) + " is done when data is read: it must come"
                        + " before every other preprocessing step");
            }
            reading &= step.appliedWhenRead();
            step.check(width);
            width = step.outputWidth(width);
        }
        if (width != features) {
            throw new IllegalArgumentException(
                    "the preprocessing steps give " + width + " values per sample, the" + " members take " + features);
        }
    }

    /** @return the steps' type names, in order */
    public List<String> types() {
        return steps.stream().map(StepKinds::typeOf).toList();
    }

    /** @return the steps for people, in order: "standardize (training mean and deviation)" */
    public String describe() {
        List<String> each = steps.stream().map(PreprocessingStep::describe).toList();
        return each.isEmpty() ? "none" : String.join(", then ", each);
    }
}
