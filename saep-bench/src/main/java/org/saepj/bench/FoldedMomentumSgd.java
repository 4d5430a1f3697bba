package org.saepj.bench;

import org.saepj.engine.optim.Optimizer;

/**
 * SGD with momentum in the form DJL's SGD takes on PyTorch: {@code buf ← μ·buf − lr·g, θ ← θ + buf}, the learning rate
 * folded into the buffer as each gradient enters it. With a constant rate this is our engine's SGD with momentum
 * ({@code buf ← μ·buf + g, θ ← θ − lr·buf}) update for update; when the rate changes every step, as in the
 * {@code tta} row's decay, the two differ (the buffer carries its gradients' own rates), so that row trains ours with
 * this form, and both engines take the same updates. The learning rate is the factor of a base rate of 1: each
 * update's {@link #learningRateFactor(float)} is its rate. Weight decay is DJL's coupled form too: {@code λ·θ} joins
 * the gradient before the momentum ({@code buf ← μ·buf − lr·(g + λ·θ)}), on every parameter.
 */
final class FoldedMomentumSgd implements Optimizer {
    private final float momentum;
    private final float weightDecay;
    private final float[] buffer;
    private float rate = 1f;
    private long steps;

    /**
     * @param momentum μ
     * @param parameterCount the parameters it updates
     */
    FoldedMomentumSgd(float momentum, int parameterCount) {
        this(momentum, 0, parameterCount);
    }

    /**
     * @param momentum μ
     * @param weightDecay λ, added times each parameter to its gradient; 0 for none
     * @param parameterCount the parameters it updates
     */
    FoldedMomentumSgd(float momentum, float weightDecay, int parameterCount) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.buffer = new float[parameterCount];
    }

    @Override
    public void step(float[] params, float[] grads) {
        for (int i = 0; i < buffer.length; i++) {
            float b = momentum * buffer[i] - rate * (grads[i] + weightDecay * params[i]);
            buffer[i] = b;
            params[i] += b;
        }
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void learningRateFactor(float factor) {
        this.rate = factor;
    }
}
