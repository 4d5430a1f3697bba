package org.saepj.engine.layer;

import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;

/** One training pass of a convolution on given kernels from fixed random values, for tests that compare kernels. */
final class ConvPasses {
    private ConvPasses() {}

    /**
     * One forward and one backward pass of a K×K stride-1 same convolution on those kernels, its parameters, input
     * and output gradient drawn from a seed of the shape.
     *
     * @return y, the parameter gradients and dx
     */
    static float[][] run(Kernels kernels, int h, int w, int cin, int cout, int k, int batch) {
        Conv2D conv = new Conv2D(h, w, cin, cout, k, kernels);
        SplittableRandom rng = new SplittableRandom(h * 1000L + cin * 10L + cout + k);
        float[] params = random(conv.parameterCount(), rng);
        float[] x = random(batch * conv.inputSize(), rng);
        float[] dy = random(batch * conv.outputSize(), rng);
        float[] y = new float[dy.length];
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        conv.forward(params, x, y, batch);
        conv.backward(params, x, y, dy, dx, grads, batch);
        return new float[][] {y, grads, dx};
    }

    /** @return n values drawn uniformly from [−1, 1) */
    static float[] random(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }
}
