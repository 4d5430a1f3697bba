package org.saepj.subnetwork;

import java.util.Map;
import org.saepj.data.Shape;

/**
 * What a {@link SpaceProvider} is given to make one search's space.
 *
 * @param input the data's input shape
 * @param classes the number of classes
 * @param learningRate the run's base learning rate
 * @param stepsPerIteration each candidate's training steps
 * @param seed the run seed: candidates' seeds derive from it, the iteration and their position ({@link Seeds})
 * @param parameters the space's own parameters by name, as the user gave them
 */
public record SpaceRequest(
        Shape input,
        int classes,
        float learningRate,
        int stepsPerIteration,
        long seed,
        Map<String, Double> parameters) {
    /**
     * Copies the parameters.
     *
     * @param input the data's input shape
     * @param classes the number of classes
     * @param learningRate the run's base learning rate
     * @param stepsPerIteration each candidate's training steps
     * @param seed the run seed: candidates' seeds derive from it, the iteration and their position ({@link Seeds})
     * @param parameters the space's own parameters by name, as the user gave them
     */
    public SpaceRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /**
     * @param name a parameter's name
     * @param fallback its value when not given
     * @return the value given, or the fallback
     */
    public double parameter(String name, double fallback) {
        return parameters.getOrDefault(name, fallback);
    }
}
