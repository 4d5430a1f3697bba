package org.saepj.engine.layer;

/**
 * What an inference pass applies to a layer's output in the same sweep that adds its bias: at most one per-channel
 * affine map (batch normalisation with its running statistics folded in), then at most one ReLU — the steps of the
 * layers that follow it, gathered by an {@link InferencePlan} and filled anew before each pass, since the constants
 * come from the current parameters and state.
 */
final class Epilogue {
    /** The steps a sweep can apply, in the only order it applies them. */
    enum Step {
        /** {@code v·scale[c] + shift[c]}. */
        AFFINE,
        /** {@code max(v, 0)}. */
        RELU
    }

    private float[] scale;
    private float[] shift;
    private boolean relu;

    /** Forgets the steps of the last pass. */
    void clear() {
        scale = null;
        shift = null;
        relu = false;
    }

    /**
     * @param scale the factor per channel
     * @param shift the term per channel
     */
    void affine(float[] scale, float[] shift) {
        this.scale = scale;
        this.shift = shift;
    }

    /** Clamps at zero after the other steps. */
    void relu() {
        this.relu = true;
    }

    /** @return the factor per channel, or null for no affine step */
    float[] scale() {
        return scale;
    }

    /** @return the term per channel */
    float[] shift() {
        return shift;
    }

    /** @return whether the sweep ends with a ReLU */
    boolean clamps() {
        return relu;
    }
}
