package org.saepj.engine.optim;

/** SGD with momentum, coupled weight decay and cosine decay; see {@link OptimizerSpec.SgdMomentum}. */
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
        float wd = spec.weightDecay();
        if (wd == 0f) {
            // kept apart so that a step without decay stays bit for bit what it always was (g + 0·θ can flip -0)
            for (int i = 0; i < accum.length; i++) {
                float a = mu * accum[i] + grads[i];
                accum[i] = a;
                params[i] -= lr * a;
            }
        } else {
            for (int i = 0; i < accum.length; i++) {
                // PyTorch's grad.add(param, alpha=λ): the decay enters the gradient before the momentum
                float a = mu * accum[i] + (grads[i] + wd * params[i]);
                accum[i] = a;
                params[i] -= lr * a;
            }
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
