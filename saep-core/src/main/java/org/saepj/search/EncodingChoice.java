package org.saepj.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.data.preprocess.PreprocessingStep;
import org.saepj.data.preprocess.Scaling;

/**
 * Which encoding of a table's features a search with {@code --scaling auto} kept ({@link EncodingSearch}): the search
 * ran once on the standardised features and once on their piecewise-linear encoding, and kept the run whose final
 * ensemble had the lower loss on the validation data. Stored in the report ({@code encoding}); the encoding's fitted
 * step itself is stored where every step is, in the saved ensemble's preprocessing.
 *
 * @param chosen the encoding kept: {@link Scaling#STANDARD} or {@link Scaling#PLE}
 * @param tried each encoding's run, in the order they ran
 * @param basis what the choice was made on, in words
 * @param step the step the kept encoding adds after the standardising, or null when it adds none (not stored here)
 */
public record EncodingChoice(
        Scaling chosen,
        List<Tried> tried,
        String basis,
        @JsonIgnore PreprocessingStep step) {
    /**
     * One encoding's run.
     *
     * @param scaling the encoding
     * @param validationLoss its final ensemble's loss on the validation data (a bagged search's: the mean over the
     *     bags, each bag's ensemble on its own validation part)
     * @param validationHeadline the same ensembles' accuracy there (a regression's RMSE), averaged likewise
     * @param seconds its search's wall time
     */
    public record Tried(Scaling scaling, double validationLoss, double validationHeadline, double seconds) {}

    /** Copies the runs. */
    public EncodingChoice {
        tried = List.copyOf(tried);
    }

    /**
     * @param standard the pipeline the search's partitions were prepared with (standardised features last)
     * @return the saved model's pipeline: the same, with the kept encoding's step after it
     */
    public Pipeline preprocessing(Pipeline standard) {
        if (step == null) {
            return standard;
        }
        List<PreprocessingStep> steps = new ArrayList<>(standard.steps());
        steps.add(step);
        return new Pipeline(steps);
    }

    /**
     * @param standard the members' input shape on the standardised features
     * @return the members' input shape with the kept encoding
     */
    public Shape shape(Shape standard) {
        return step == null ? standard : Shape.vector(step.outputWidth(standard.size()));
    }

    /** @return one line for the run's log and the terminal: which encoding was kept, and what each scored */
    public String describe() {
        return "encoding: " + chosen.id() + " kept (" + basis + ": " + losses() + ")";
    }

    /** @return each run's encoding and validation loss, in the order they ran: "standard 0.4123, ple 0.3012" */
    public String losses() {
        return tried.stream()
                .map(t -> t.scaling().id() + String.format(java.util.Locale.ROOT, " %.4f", t.validationLoss()))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
