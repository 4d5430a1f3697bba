package org.saepj.engine.layer;

/**
 * 2×2 average pooling with stride 2 over H×W×C activations, "valid" as {@link MaxPool2}: an odd last row or column is
 * dropped and receives no gradient. Each window's four values are summed in a fixed order and multiplied by ¼.
 */
public final class AvgPool2 extends Layer {
    private final int h;
    private final int w;
    private final int c;

    /**
     * @param h input height
     * @param w input width
     * @param c channels
     */
    public AvgPool2(int h, int w, int c) {
        this.h = h;
        this.w = w;
        this.c = c;
    }

    @Override
    public int inputSize() {
        return h * w * c;
    }

    @Override
    public int outputSize() {
        return (h / 2) * (w / 2) * c;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            int in = b * h * w * c;
            int out = b * oh * ow * c;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int a = in + ((2 * i) * w + 2 * j) * c;
                    int o = out + (i * ow + j) * c;
                    for (int k = 0; k < c; k++) {
                        y[o + k] = (x[a + k] + x[a + c + k] + x[a + w * c + k] + x[a + w * c + c + k]) * 0.25f;
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
        java.util.Arrays.fill(dx, 0, batch * h * w * c, 0f); // dropped rows and columns get none
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            int in = b * h * w * c;
            int out = b * oh * ow * c;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int a = in + ((2 * i) * w + 2 * j) * c;
                    int o = out + (i * ow + j) * c;
                    for (int k = 0; k < c; k++) {
                        float g = dy[o + k] * 0.25f;
                        dx[a + k] = g;
                        dx[a + c + k] = g;
                        dx[a + w * c + k] = g;
                        dx[a + w * c + c + k] = g;
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "AvgPool(2×2)";
    }
}
