package org.saepj.engine.optim;

/**
 * Gradient clipping by the global norm before another optimizer's update, as PyTorch's
 * {@code torch.nn.utils.clip_grad_norm_(parameters, maxNorm)} does it: the L2 norm of all the gradients together
 * ({@code ‖g‖}, over every parameter of the network), the factor {@code maxNorm / (‖g‖ + 1e-6)}, and the gradients
 * multiplied by it where it is below 1 (left exactly as they are otherwise).
 */
public final class ClippedOptimizer implements Optimizer {
    /** PyTorch's guard against a zero norm, added to the norm before dividing. */
    static final double EPSILON = 1e-6;

    private final Optimizer inner;
    private final double maxNorm;

    /**
     * @param inner the optimizer that takes the clipped gradients
     * @param maxNorm the largest global norm the update sees, above 0
     */
    public ClippedOptimizer(Optimizer inner, double maxNorm) {
        if (!(maxNorm > 0 && Double.isFinite(maxNorm))) {
            throw new IllegalArgumentException("the clipping norm must be a number above 0, got " + maxNorm);
        }
        this.inner = inner;
        this.maxNorm = maxNorm;
    }

    @Override
    public void step(float[] params, float[] grads) {
        clip(grads, maxNorm);
        inner.step(params, grads);
    }

    /**
     * Clips in place.
     *
     * @param grads the gradients, scaled in place when their norm exceeds {@code maxNorm}
     * @param maxNorm the largest norm
     * @return the norm before clipping (PyTorch's return value)
     */
    public static double clip(float[] grads, double maxNorm) {
        double sum = 0;
        for (float g : grads) {
            sum += (double) g * g;
        }
        double norm = Math.sqrt(sum);
        double factor = maxNorm / (norm + EPSILON);
        // a NaN norm leaves the gradients alone: the loss is already non-finite and the trainer reports it
        if (factor < 1) {
            float f = (float) factor;
            for (int i = 0; i < grads.length; i++) {
                grads[i] *= f;
            }
        }
        return norm;
    }

    @Override
    public long steps() {
        return inner.steps();
    }

    @Override
    public void learningRateFactor(float factor) {
        inner.learningRateFactor(factor);
    }
}
