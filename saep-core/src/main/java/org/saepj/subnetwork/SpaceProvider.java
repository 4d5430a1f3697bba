package org.saepj.subnetwork;

/**
 * A search space as a plug-in: what each iteration proposes, written in Java (AdaNet's Generator). Name the
 * implementation in a {@code META-INF/services/org.saepj.subnetwork.SpaceProvider} file of a jar on the class path,
 * and {@code --space ID} (or {@code SearchConfig.Builder.spacePlugin}) searches it; a run stores the id and its
 * parameters, so {@code --resume} finds it again. Its candidates are networks the engine knows (dense stacks and
 * convolutional nets of any widths, depths, blocks and optimizers), with seeds derived from the request's.
 */
public interface SpaceProvider {
    /** @return the id users name the space by: lower case, digits and dashes */
    String id();

    /** @return one line for help texts */
    String summary();

    /**
     * @param request the data's shape and classes, the run's learning rate, steps, seed and the space's parameters
     * @return the space for one search
     * @throws IllegalArgumentException naming a parameter the space cannot use
     */
    SearchSpace create(SpaceRequest request);
}
