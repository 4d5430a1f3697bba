package org.saepj.engine.layer;

import org.saepj.engine.kernel.Kernels;

/** max(0, x), elementwise. */
public final class Relu extends Layer implements ChannelMap {
    private final int size;
    private final Kernels kernels;

    /**
     * @param size values per sample
     * @param kernels the kernels to use
     */
    public Relu(int size, Kernels kernels) {
        this.size = size;
        this.kernels = kernels;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        kernels.relu(x, y, batch * size);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (dx != null) {
            kernels.reluBackward(x, dy, dx, batch * size);
        }
    }

    @Override
    public Epilogue.Step step() {
        return Epilogue.Step.RELU;
    }

    @Override
    public void appendTo(Epilogue epilogue, float[] params, float[] state) {
        epilogue.relu();
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
