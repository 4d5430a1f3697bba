package org.saepj.search;

import org.saepj.data.Shape;
import org.saepj.subnetwork.DefinedSpace;
import org.saepj.subnetwork.ModelKind;
import org.saepj.subnetwork.PaperSpace;
import org.saepj.subnetwork.SearchSpace;
import org.saepj.subnetwork.SpaceDefinition;
import org.saepj.subnetwork.SpacePlugin;
import org.saepj.subnetwork.SpaceRequest;
import org.saepj.subnetwork.Spaces;

/**
 * What each iteration proposes: one of the paper's spaces ({@code model}, with its DNN width), a space of one's
 * own from a file, or a Java plug-in ({@link org.saepj.subnetwork.SpaceProvider}), and the base learning rate
 * candidates train with (a file's family may set its own).
 *
 * @param model the paper's search space (dnn, cnn, linear),
 *     used when neither {@code definition} nor {@code plugin} is set
 * @param definition a search space from a file, or null
 * @param width units per hidden layer of the paper's DNN
 * @param learningRate the base learning rate
 * @param plugin a search-space plug-in and its parameters, or null
 */
public record SpacePlan(
        ModelKind model, SpaceDefinition definition, int width, double learningRate, SpacePlugin plugin) {
    /** The paper's: AdaNet's DNN of width 32, learning rate 0.003. */
    public static final SpacePlan DEFAULT = new SpacePlan(ModelKind.DNN, null, 32, 0.003, null);

    /**
     * Validates every setting.
     *
     * @param model the paper's search space (dnn, cnn, linear),
     *     used when neither {@code definition} nor {@code plugin} is set
     * @param definition a search space from a file, or null
     * @param width units per hidden layer of the paper's DNN
     * @param learningRate the base learning rate
     * @param plugin a search-space plug-in and its parameters, or null
     */
    public SpacePlan {
        InvalidSettingException.require(model != null, "model", "must be set");
        InvalidSettingException.require(
                definition == null || plugin == null, "space", "is either a file's definition or a plug-in, not both");
        if (definition != null) {
            definition.validate();
        }
        InvalidSettingException.require(width >= 1, "width", "must be at least 1, got " + width);
        InvalidSettingException.require(
                learningRate > 0 && Double.isFinite(learningRate),
                "learningRate",
                "must be a positive number, got " + learningRate);
        // The engine trains in float: a rate that rounds to 0 or overflows would train nothing or diverge at once.
        InvalidSettingException.require(
                (float) learningRate > 0 && Float.isFinite((float) learningRate),
                "learningRate",
                learningRate + " is outside the range of a float (about 1.4e-45 to 3.4e38)");
    }

    /**
     * @param input the input shape
     * @param classes the outputs: one per class, or a regression's one value
     * @param stepsPerIteration each candidate's training steps
     * @param seed the run seed
     * @return the space's proposals for this data
     */
    public SearchSpace create(Shape input, int classes, int stepsPerIteration, long seed) {
        return create(input, classes, stepsPerIteration, seed, Spaces.discover());
    }

    /**
     * @param input the input shape
     * @param classes the outputs: one per class, or a regression's one value
     * @param stepsPerIteration each candidate's training steps
     * @param seed the run seed
     * @param spaces where a plug-in is found
     * @return the space's proposals for this data
     * @throws IllegalArgumentException when the plug-in is not among {@code spaces} or refuses its parameters
     */
    public SearchSpace create(Shape input, int classes, int stepsPerIteration, long seed, Spaces spaces) {
        if (plugin != null) {
            return spaces.create(
                    plugin, new SpaceRequest(input, classes, (float) learningRate, stepsPerIteration, seed, null));
        }
        return definition != null
                ? new DefinedSpace(definition, input, classes, (float) learningRate, stepsPerIteration, seed)
                : new PaperSpace(model, input, classes, width, (float) learningRate, stepsPerIteration, seed);
    }

    /** @return the paper's model id ("dnn"), "space NAME" for a file's, or "space ID" for a plug-in */
    public String name() {
        return plugin != null ? "space " + plugin : definition == null ? model.id() : "space " + definition.name();
    }
}
