package org.saepj.engine.optim;

/** Adam; see {@link OptimizerSpec.Adam}. */
final class AdamOptimizer implements Optimizer {
    private final OptimizerSpec.Adam spec;
    private final float[] m;
    private final float[] v;
    private long steps;
    /** The schedule's multiplier of the learning rate; exactly 1 without one. */
    private float factor = 1f;

    AdamOptimizer(OptimizerSpec.Adam spec, int n) {
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
        float stepSize = spec.learningRate() * factor / c1;
        float eps = spec.epsilon();
        for (int i = 0; i < m.length; i++) {
            float g = grads[i];
            float mi = b1 * m[i] + (1 - b1) * g;
            float vi = b2 * v[i] + (1 - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] -= stepSize * mi / ((float) Math.sqrt(vi) / c2 + eps);
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
