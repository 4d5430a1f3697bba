package org.saepj.engine.optim;

import java.util.Arrays;

/** TensorFlow 1's RMSProp; see {@link OptimizerSpec.RmsProp}. */
final class RmsPropOptimizer implements Optimizer {
    private final float lr;
    private final float decay;
    private final float epsilon;
    private final float[] ms;
    private long steps;
    /** The schedule's multiplier of the learning rate; exactly 1 without one. */
    private float factor = 1f;

    RmsPropOptimizer(OptimizerSpec.RmsProp spec, int n) {
        this.lr = spec.learningRate();
        this.decay = spec.decay();
        this.epsilon = spec.epsilon();
        this.ms = new float[n];
        Arrays.fill(ms, 1f);
    }

    @Override
    public void step(float[] params, float[] grads) {
        float keep = 1f - decay;
        float rate = lr * factor;
        for (int i = 0; i < ms.length; i++) {
            float g = grads[i];
            float m = decay * ms[i] + keep * g * g;
            ms[i] = m;
            params[i] -= rate * g / (float) Math.sqrt(m + epsilon);
        }
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void learningRateFactor(float factor) {
        this.factor = factor;
    }
}
