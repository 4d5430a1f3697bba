package org.saepj.engine.optim;

/** SGD with momentum and cosine decay; see {@link OptimizerSpec.SgdMomentum}. */
final class SgdMomentumOptimizer implements Optimizer {
    private final OptimizerSpec.SgdMomentum spec;
    private final float[] accum;
    private long steps;
    /** The schedule's multiplier of the learning rate, on top of the spec's own decay; exactly 1 without one. */
    private float factor = 1f;

    SgdMomentumOptimizer(OptimizerSpec.SgdMomentum spec, int n) {
        this.spec = spec;
        this.accum = new float[n];
    }

    /** @return the learning rate of the next step */
    float currentLearningRate() {
        if (spec.decaySteps() <= 0) {
            return spec.learningRate();
        }
        double s = Math.min(steps, spec.decaySteps());
        return (float) (spec.learningRate() * 0.5 * (1 + Math.cos(Math.PI * s / spec.decaySteps())));
    }

    @Override
    public void step(float[] params, float[] grads) {
        float lr = currentLearningRate() * factor;
        float mu = spec.momentum();
        for (int i = 0; i < accum.length; i++) {
            float a = mu * accum[i] + grads[i];
            accum[i] = a;
            params[i] -= lr * a;
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
