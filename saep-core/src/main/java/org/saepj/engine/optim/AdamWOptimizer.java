package org.saepj.engine.optim;

/** AdamW; see {@link OptimizerSpec.AdamW}. */
final class AdamWOptimizer implements Optimizer {
    private final OptimizerSpec.AdamW spec;
    private final float[] m;
    private final float[] v;
    private long steps;
    /** The schedule's multiplier of the learning rate; exactly 1 without one. */
    private float factor = 1f;

    AdamWOptimizer(OptimizerSpec.AdamW spec, int n) {
        this.spec = spec;
        this.m = new float[n];
        this.v = new float[n];
    }

    @Override
    public void step(float[] params, float[] grads) {
        steps++;
        float b1 = spec.beta1();
        float b2 = spec.beta2();
        float c1 = (float) (1 - Math.pow(b1, steps));
        float c2 = (float) Math.sqrt(1 - Math.pow(b2, steps));
        float lr = spec.learningRate() * factor;
        float stepSize = lr / c1;
        // the decay scales with the scheduled rate, as PyTorch's lr·λ does, and stays out of the moments
        float keep = 1f - lr * spec.weightDecay();
        float eps = spec.epsilon();
        for (int i = 0; i < m.length; i++) {
            float g = grads[i];
            float mi = b1 * m[i] + (1 - b1) * g;
            float vi = b2 * v[i] + (1 - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] = params[i] * keep - stepSize * mi / ((float) Math.sqrt(vi) / c2 + eps);
        }
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
