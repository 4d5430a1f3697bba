package org.saepj.engine.layer;

/**
 * 2×2 max pooling with stride 2 over H×W×C activations ("valid": an odd last row or column is dropped, as in
 * TensorFlow). The backward pass routes each gradient to the position that won the forward pass (the first
 * maximum on ties).
 */
public final class MaxPool2 extends Layer {
    private final int h;
    private final int w;
    private final int c;
    private final int oh;
    private final int ow;
    private int[] argmax = new int[0];

    /**
     * @param h input height
     * @param w input width
     * @param c channels
     */
    public MaxPool2(int h, int w, int c) {
        this.h = h;
        this.w = w;
        this.c = c;
        this.oh = h / 2;
        this.ow = w / 2;
    }

    @Override
    public int inputSize() {
        return h * w * c;
    }

    @Override
    public int outputSize() {
        return oh * ow * c;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        if (argmax.length < batch * outputSize()) {
            argmax = new int[batch * outputSize()];
        }
        for (int b = 0; b < batch; b++) {
            int inBase = b * inputSize();
            int outBase = b * outputSize();
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = outBase + (i * ow + j) * c;
                    int p00 = inBase + ((2 * i) * w + 2 * j) * c;
                    int p01 = p00 + c;
                    int p10 = p00 + w * c;
                    int p11 = p10 + c;
                    for (int ch = 0; ch < c; ch++) {
                        int best = p00 + ch;
                        if (x[p01 + ch] > x[best]) {
                            best = p01 + ch;
                        }
                        if (x[p10 + ch] > x[best]) {
                            best = p10 + ch;
                        }
                        if (x[p11 + ch] > x[best]) {
                            best = p11 + ch;
                        }
                        y[o + ch] = x[best];
                        argmax[o + ch] = best;
                    }
                }
            }
        }
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx == null) {
            return;
        }
        java.util.Arrays.fill(dx, 0, batch * inputSize(), 0f);
        int n = batch * outputSize();
        for (int o = 0; o < n; o++) {
            dx[argmax[o]] += dy[o];
        }
    }

    @Override
    public String toString() {
        return "MaxPool(2×2)";
    }
}
