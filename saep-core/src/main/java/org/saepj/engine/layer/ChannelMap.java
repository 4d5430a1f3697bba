package org.saepj.engine.layer;

/**
 * A layer whose inference pass maps each value by its channel alone (batch normalisation with running statistics, a
 * ReLU), so that an {@link InferencePlan} can apply it inside the sweep of the layer before it instead of as a pass of
 * its own.
 */
interface ChannelMap {
    /** @return the step this layer is in an {@link Epilogue} */
    Epilogue.Step step();

    /**
     * Adds this layer's step to an epilogue, with the constants its own inference pass would use.
     *
     * @param epilogue the epilogue being gathered
     * @param params the network's parameters
     * @param state the network's state
     */
    void appendTo(Epilogue epilogue, float[] params, float[] state);
}
